"""Compile errors: gcc/clang-style text with the source line and a caret, several per run."""
import pytest

from compiler_helpers import errors_of


def test_undeclared_identifier_has_position_line_and_caret():
    text = errors_of("int main(void) {\n    int y = 1;\n    x = y;\n    return 0;\n}\n")
    assert text.splitlines()[:3] == [
        "prog.c:3:5: error: use of undeclared identifier 'x'",
        "    3 |     x = y;",
        "      |     ^",
    ]


def test_several_errors_in_one_run():
    text = errors_of("int main(void) {\n  a = 1;\n  b = 2;\n  return c;\n}\n")
    assert "'a'" in text and "'b'" in text and "'c'" in text
    assert text.count("error:") == 3


def test_syntax_error_names_the_token():
    text = errors_of("int main(void) { return 1 }\n")
    assert text.startswith("prog.c:1:27: error: expected ';' before '}'")
    assert errors_of("int main(void) { int x = ; }").startswith("prog.c:1:26: error: expected expression")


@pytest.mark.parametrize("src, message", [
    ("int main(void) { foo(); return 0; }", "call to undeclared function 'foo'; ISO C99 and later do not "
                                            "support implicit function declarations"),
    ("int f(a, b) int a; int b; { return a; }", "K&R-style function definitions are not supported"),
    ("int f(int a) { return a; } int main(void) { return f(1, 2); }",
     "too many arguments to function call, expected 1, have 2"),
    ("int main(void) { const int c = 1; c = 2; return c; }",
     "cannot assign to variable 'c' with const-qualified type 'const int'"),
    ("struct s { int a; }; int main(void) { struct s v; return v.b; }", "no member named 'b' in 'struct s'"),
    ("int main(void) { int x; x(); return 0; }", "called object type 'int' is not a function"),
    ("int main(void) { break; }", "'break' statement not in loop or switch statement"),
    ("int main(void) { goto nowhere; }", "use of undeclared label 'nowhere'"),
    ("int x; int x = 1; int x = 2;", "redefinition of 'x'"),
    ("int main(void) { int *p; p * 2; return 0; }", "invalid operands to binary expression ('int *' and 'int')"),
    ("struct s { int a : 3; };", "bit-fields are not supported"),
    ("int main(void) { int n = 3; int a[n]; return 0; }", "variable length arrays are not supported"),
    ("void f(void) { return 1; }", "void function 'f' should not return a value"),
    ("int main(void) { switch (1) { case 1: case 1: break; } return 0; }", "duplicate case value '1'"),
])
def test_error_messages(src, message):
    assert message in errors_of(src)


def test_warnings_go_to_the_callback():
    from compiler.driver import compile_source
    seen = []
    compile_source("int main(void) { int *p = 0; char *q = p; return q != 0; }"
                   "\nvoid _start(int c, char **v) { main(); }", link_stdlib=False, warn=seen.append)
    assert any("incompatible pointer types initializing 'char *' from 'int *'" in w for w in seen)


def test_linker_reports_missing_and_duplicate_symbols():
    from compiler.diagnostics import CompileError
    from compiler.driver import compile_unit, link_objects
    a = compile_unit("a.c", "int g(void); int f(void) { return g(); }\nint dup;\n"
                            "void _start(int c, char **v) { f(); }")
    b = compile_unit("b.c", "int dup;")
    with pytest.raises(CompileError) as e:
        link_objects([a, b])
    assert "multiple definition of 'dup'" in str(e.value)
    with pytest.raises(CompileError) as e:
        link_objects([a])
    assert "a.c: in function 'f': undefined reference to 'g'" in str(e.value)


def test_internal_errors_never_escape_as_tracebacks(monkeypatch):
    from compiler import check as check_module
    from compiler.diagnostics import CompileError
    from compiler.driver import compile_source

    def boom(*a, **k):
        raise ZeroDivisionError("simulated")
    monkeypatch.setattr(check_module.Checker, "check_unit", boom)
    with pytest.raises(CompileError) as e:
        compile_source("int main(void){return 0;}", link_stdlib=False)
    assert str(e.value).startswith("internal compiler error: ZeroDivisionError: simulated")
