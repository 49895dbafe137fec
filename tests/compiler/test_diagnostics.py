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
    ("int f(a, b) int a; { return a; }", "type of 'b' defaults to 'int'"),
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
    ("struct s { int a : 33; };", "width of bit-field 'a' (33 bits) exceeds the width of its type (32 bits)"),
    ("struct s { double d : 3; };", "bit-field 'd' has non-integral type 'double'"),
    ("struct s { int a : 0; };", "named bit-field 'a' has zero width"),
    ("struct s { int a : 3; } v; int *p = &v.a;", "address of bit-field 'a' requested"),
    ("struct s { int a : 3; } v; unsigned long n = sizeof v.a;",
     "invalid application of 'sizeof' to a bit-field"),
    ("long double x;", "'long double' is not supported"),
    ("const int *w = L\"ab\";", "wide string literals are not supported"),
    ("int main(void) { int n = 3; int a[n]; return 0; }", "variable length arrays are not supported"),
    ("void f(void) { return 1; }", "void function 'f' should not return a value"),
    ("int main(void) { switch (1) { case 1: case 1: break; } return 0; }", "duplicate case value '1'"),
])
def test_error_messages(src, message):
    assert message in errors_of(src)


@pytest.mark.parametrize("src, message", [
    # found by writing-a-c-compiler-tests: constraint violations clang rejects by default
    ("int main(void) { unsigned long x = 0; void *v = x; return 0; }",
     "incompatible integer to pointer conversion initializing 'void *' from 'unsigned long'"),
    ("int main(void) { void *x = 0; return x; }",
     "incompatible pointer to integer conversion returning 'int' from 'void *'"),
    ("int main(void) { int a[3] = 1; return 0; }", "array initializer must be an initializer list"),
    ("int main(void) { int a[3] = \"ab\"; return 0; }",
     "array initializer must be an initializer list or wide string literal"),
    ("struct p { int x; }; int main(void) { struct p v = 1; return 0; }",
     "initializing 'struct p' with an expression of incompatible type 'int'"),
    ("struct s { int a; } x; int main(void) { (struct s) x; return 0; }",
     "used type 'struct s' where arithmetic or pointer type is required"),
    ("struct s; struct s *p; int main(void) { *p; return 0; }",
     "incomplete type 'struct s' where a complete type is required"),
    ("int foo(int a, int a);", "redefinition of parameter 'a'"),
    # errors in gcc 14 (-Wincompatible-pointer-types); -fpermissive makes them warnings
    ("int main(void) { int *p = 0; char *q = p; return q != 0; }",
     "incompatible pointer types initializing 'char *' from 'int *' [-fpermissive accepts it]"),
    ("struct a; struct b; void f(struct a *); void g(struct b *p) { f(p); }",
     "incompatible pointer types passing to parameter of type 'struct a *' from 'struct b *'"),
    ("long *f(int *p) { return p; }", "incompatible pointer types returning 'long *' from 'int *'"),
    ("int main(void) { int i; long l; return *(1 ? &i : &l); }",
     "pointer type mismatch in conditional expression ('int *' and 'long *')"),
    ("void f(void); int main(void) { int x = 1; x ? f() : 0; return 0; }",
     "incompatible operand types ('void' and 'int')"),
    ("int main(void) { for (static int i = 0; ; ) ; }", "declaration of non-local variable in 'for' loop"),
    ("int main(void) { for (int f(void); ; ) ; }", "non-variable declaration in 'for' loop"),
    ("int main(void) { static int x = 0; extern int x; return x; }",
     "extern declaration of 'x' follows non-extern declaration"),
    ("int i = 10; int main(void) { extern int i; int i; return i; }",
     "non-extern declaration of 'i' follows extern declaration"),
    ("static int foo; int main(void) { return foo; } int foo = 3;",
     "non-static declaration of 'foo' follows static declaration"),
    ("int main(void) { { extern int x; } return 0; } static int x = 10;",
     "static declaration of 'x' follows non-static declaration"),
    ("int foo = 10; int main(void) { int foo(void); return 0; }",
     "redefinition of 'foo' as different kind of symbol"),
    ("int foo(void) { return 0; } int main(void) { extern int foo; return 0; }",
     "redefinition of 'foo' as different kind of symbol"),
    ("long a; int main(void) { extern int a; return 0; }",
     "redeclaration of 'a' with a different type: 'int' vs 'long'"),
    ("char c = 10; int main(void) { extern signed char c; return c; }",
     "redeclaration of 'c' with a different type: 'signed char' vs 'char'"),
    ("int arr[6]; int arr[5];", "redefinition of 'arr' with a different type: 'int [5]' vs 'int [6]'"),
    ("int main(void) { struct s; union s { int a; }; return 0; }",
     "use of 's' with tag type that does not match previous declaration"),
    ("struct s; int foo(struct s x); int main(void) { struct s; int foo(struct s x); return 0; }",
     "conflicting types for 'foo'"),
    ("struct s { int a; }; int main(void) { struct s; struct s *x = 0; return x->a; }",
     "incomplete definition of type 'struct s'"),
])
def test_constraint_violations_are_errors(src, message):
    text = errors_of(src)
    assert message in text and "internal compiler error" not in text, text


def test_invalid_compound_assignment_operands_are_errors_not_crashes():
    text = errors_of("int main(void) { int x = 1; double d = 1; x += \"s\"; d |= 1; x <<= d; return 0; }")
    assert text.count("invalid operands to binary expression") == 3
    assert "internal compiler error" not in text


def test_warnings_go_to_the_callback():
    from compiler.driver import compile_source
    seen = []
    compile_source("int main(void) { char *p = 0; unsigned char *q = p; return q != 0; }"
                   "\nvoid _start(int c, char **v) { main(); }", link_stdlib=False, warn=seen.append)
    assert any("initializing 'unsigned char *' from 'char *' converts between pointers to integer types "
               "with different sign" in w for w in seen)


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


def test_syntax_errors_recover_and_report_several():
    text = errors_of("int main(void) {\n    int x = ;\n    int y = 2\n    return x + y\n}\n")
    heads = [l for l in text.splitlines() if ": error: " in l]
    assert heads == ["prog.c:2:13: error: expected expression before ';'",
                     "prog.c:4:5: error: expected ';' before 'return'",
                     "prog.c:5:1: error: expected ';' before '}'"]


def test_syntax_recovery_inserts_missing_brackets():
    text = errors_of("int f(int *a) { return a[1; }\nint g(void) { return f(0; }\nint h(void) { while 1 {} }\n")
    heads = [l.split(": error: ")[1] for l in text.splitlines() if ": error: " in l]
    assert heads == ["expected ']' before ';'", "expected ')' before ';'", "expected '(' before '1'"]


def test_syntax_recovery_does_not_cascade():
    # one missing ')' must not produce a string of follow-on errors
    text = errors_of("int main(void) {\n  if (1 { return 0; }\n  return 1;\n}\n")
    assert text.count("error:") == 1


def test_syntax_recovery_is_bounded_on_junk():
    text = errors_of("int main(void) { " + ") ] ; = " * 2000 + "}")
    assert 1 <= text.count("error:") <= 21


def warnings_of(src: str) -> list[str]:
    from compiler.driver import compile_source
    seen = []
    compile_source(src + "\nvoid _start(int c, char **v) { }", name="prog.c", link_stdlib=False, warn=seen.append)
    return seen


def test_missing_return_warnings_point_at_the_closing_brace():
    w = warnings_of("int f(int x)\n{\n    x++;\n}\nint g(int x) { if (x) return 1; }")
    assert w[0].splitlines() == ["prog.c:4:1: warning: non-void function does not return a value",
                                 "    4 | }", "      | ^"]
    assert w[1].startswith("prog.c:5:33: warning: non-void function does not return a value in all "
                           "control paths")
    assert len(w) == 2


@pytest.mark.parametrize("body", [
    "if (x) return 1; else return 2;",
    "for (;;) { if (x) return 1; }",
    "switch (x) { case 1: return 1; default: return 2; }",
    "exit(1);",
    "if (x) return 1; die();",
    "again: if (x) return 1; x++; goto again;",
    "do { return 1; } while (x);",
    "while (1) { switch (x) { case 1: break; default: return 3; } }",
])
def test_no_missing_return_warning_when_the_end_is_unreachable(body):
    src = f"void exit(int);\n_Noreturn void die(void);\nint f(int x) {{ {body} }}\nint main(void) {{ }}"
    assert warnings_of(src) == []


@pytest.mark.parametrize("body", [
    "while (1) { if (x) break; }",
    "switch (x) { case 1: return 1; }",
    "do { if (x) continue; return 1; } while (x);",
])
def test_missing_return_warning_when_some_path_falls_off(body):
    assert any("does not return a value" in w for w in warnings_of(f"int f(int x) {{ {body} }}"))


@pytest.mark.parametrize("src, line, col, message", [
    ("int main(void) {\n  int *p; char *c = 0;\n  p = c;\n  return 0;\n}", 3, 5,
     "error: incompatible pointer types assigning to 'int *' from 'char *' [-fpermissive accepts it]"),
    ("int add(int a, int b) { return a + b; }\nint main(void) {\n  return add(1, 2, 3);\n}", 3, 13,
     "error: too many arguments to function call, expected 2, have 3"),
    ("struct point { int x, y; };\nint main(void) {\n  struct point p;\n  return p.z;\n}", 4, 12,
     "error: no member named 'z' in 'struct point'"),
    ("int main(void) {\n  int x = 1;\n  int x = 2;\n  return x;\n}", 3, 7, "error: redefinition of 'x'"),
    ("int main(void) {\n  return foo(1);\n}", 2, 10,
     "error: call to undeclared function 'foo'; ISO C99 and later do not support implicit function "
     "declarations [-fpermissive accepts it]"),
])
def test_clang_style_messages_with_position_line_and_caret(src, line, col, message):
    from compiler.diagnostics import CompileError
    from compiler.driver import compile_source
    seen = []
    try:
        compile_source(src, name="prog.c", warn=seen.append)
    except CompileError as exc:
        seen.append(str(exc))
    lines = "\n".join(seen).splitlines()
    head = next(i for i, l in enumerate(lines) if message in l)
    assert lines[head] == f"prog.c:{line}:{col}: {message}"
    source_line = src.split("\n")[line - 1]
    assert lines[head + 1] == f"{line:5d} | {source_line}"
    assert lines[head + 2] == "      | " + " " * (col - 1) + "^"


def test_an_error_on_each_line_is_reported_on_each_line():
    text = errors_of("int main(void) {\n  int = ;\n  int 3;\n  x = = 1; y = 2\n}\n")
    heads = [l for l in text.splitlines() if ": error: " in l]
    assert heads == ["prog.c:2:7: error: expected identifier or '(' before '='",
                     "prog.c:3:7: error: expected identifier or '(' before '3'",
                     "prog.c:4:7: error: expected expression before '='",
                     "prog.c:5:1: error: expected ';' before '}'"]
