"""The tokenizer: token types, the typedef-name lexer hack, literal values, bad input."""
import pytest

from compiler import literals, parse


def types_of(text):
    toks, errors = parse.tokens(text)
    assert not errors
    return [(t.type, t.value) for t in toks]


def test_keywords_punctuators_and_identifiers():
    got = types_of("int x = a->b <<= 3;")
    assert [v for _, v in got] == ["int", "x", "=", "a", "->", "b", "<<=", "3", ";"]
    assert got[1][0] == "IDENTIFIER" and got[7][0] == "INTEGER"


def test_typedef_names_become_type_names_in_scope():
    got = types_of("typedef int T; T x; { int T; T = 1; } T y;")
    kinds = [k for k, v in got if v == "T"]
    # declared, used as a type, redeclared as a variable in a block, used as one, a type again
    assert kinds == ["IDENTIFIER", "TYPE_NAME", "IDENTIFIER", "IDENTIFIER", "TYPE_NAME"]


def test_typedef_name_redeclared_after_a_struct_specifier():
    got = types_of("typedef struct s s; int f(void) { struct s s; { int s; } return s.a; }"
                   " struct t { int s; } s; s z;")
    kinds = [k for k, v in got if v == "s"]
    # tag, new typedef, tag, variable, block variable, the variable again, member,
    # a file-scope variable declared after a struct body, and then no longer a type
    assert kinds == ["IDENTIFIER", "IDENTIFIER", "IDENTIFIER", "IDENTIFIER", "IDENTIFIER", "IDENTIFIER",
                     "IDENTIFIER", "IDENTIFIER", "IDENTIFIER"]


def test_typedef_of_function_pointer_and_struct_tag():
    got = types_of("typedef int (*op)(int a, int b); typedef struct op2 op2; op f; struct op2 *p; op2 q;")
    assert ("TYPE_NAME", "op") in got
    assert got.count(("TYPE_NAME", "op2")) == 1      # the tag after 'struct' stays an identifier
    assert ("IDENTIFIER", "a") in got


def test_member_names_equal_to_typedef_names():
    got = types_of("typedef int T; s.T; p->T;")
    assert [k for k, v in got if v == "T"] == ["IDENTIFIER", "IDENTIFIER", "IDENTIFIER"]


@pytest.mark.parametrize("text, value, type_name", [
    ("42", 42, "int"), ("0x7fffffff", 0x7FFFFFFF, "int"), ("0xffffffff", 0xFFFFFFFF, "unsigned int"),
    ("4294967295", 4294967295, "long"), ("017", 15, "int"), ("10u", 10, "unsigned int"),
    ("10UL", 10, "unsigned long"), ("5ll", 5, "long long"), ("0xffffffffffffffff", 2**64 - 1, "unsigned long"),
])
def test_integer_literal_types(text, value, type_name):
    assert literals.integer(text) == (value, type_name)


@pytest.mark.parametrize("bad", ["08", "1lL", "12abc", "99999999999999999999999"])
def test_bad_integer_literals(bad):
    with pytest.raises(ValueError):
        literals.integer(bad)


def test_character_and_string_escapes():
    assert literals.character(r"'\n'") == 10
    assert literals.character(r"'\377'") == -1          # char is signed
    assert literals.character(r"'\x41'") == 65
    assert literals.character("'ab'") == 0x6162
    assert literals.string(r'"a\tb\0c\"\\\101\x42"') == b'a\tb\x00c"\\AB'


def test_floating_literals():
    assert literals.floating("1.5e3") == (1500.0, "double")
    assert literals.floating("0x1p4") == (16.0, "double")
    value, kind = literals.floating("0.1f")
    assert kind == "float" and value != 0.1 and abs(value - 0.1) < 1e-8


@pytest.mark.parametrize("text, message", [
    ('"abc', "missing terminating"), ("/* open", "unterminated /* comment"), ("int @;", "unexpected character"),
])
def test_lexical_errors_are_reported_not_raised(text, message):
    _, errors = parse.tokens(text)
    assert errors and message in errors[0][2]
