"""Old C as gcc 14 handles it: implicit declarations and implicit int only
with -fpermissive (or -std=c89/gnu89), K&R definitions always."""
from __future__ import annotations

import pytest

from compiler.diagnostics import CompileError
from dialect_helpers import compile_in, errors_in, run_everywhere

IMPLICIT = """
int printf(const char *, ...);
int main(void)
{
    char buf[8];
    memset(buf, 'x', 7);
    buf[7] = 0;
    printf("%s %d %d\\n", buf, twice(21), (int)strlen(buf));
    if (twice(1) != 2)
        abort();
    exit(0);
}
int twice(int n) { return n * 2; }
"""


def test_implicit_declarations_are_errors_that_name_header_and_flag():
    text = errors_in(IMPLICIT)
    assert "prog.c:6:5: error: call to undeclared library function 'memset'" in text
    assert "did you mean to #include <string.h>?" in text
    assert "did you mean to #include <stdlib.h>?" in text      # abort, exit
    assert "prog.c:8:31: error: call to undeclared function 'twice'" in text
    assert text.count("-fpermissive") == text.count("error:") == 6


@pytest.mark.parametrize("options", [{"permissive": True}, {"std": "gnu89"}, {"std": "c89"}])
def test_permissive_accepts_implicit_declarations_with_a_warning(options, tmp_path):
    warnings = []
    compile_in(IMPLICIT, warnings, **options)
    assert any("warning: call to undeclared library function 'abort' with type 'void (void)'" in w
               for w in warnings)
    assert run_everywhere(IMPLICIT, tmp_path, **options) == b"xxxxxxx 42 7\n"


def test_implicit_library_call_uses_the_real_prototype(tmp_path):
    # sqrt's real prototype converts the int argument to double and returns a
    # double; as `int sqrt()` it would pass an int and read an int back
    src = "int printf(const char *, ...);\nint main(void) { printf(\"%.1f\\n\", sqrt(16)); return 0; }\n"
    assert run_everywhere(src, tmp_path, permissive=True) == b"4.0\n"


def test_implicit_int_is_an_error_unless_permissive(tmp_path):
    src = "int printf(const char *, ...);\nstatic x = 3;\nf(void) { return x; }\nmain() { printf(\"%d\\n\", f()); return 0; }\n"
    text = errors_in(src)
    assert "prog.c:2:1: error: type specifier missing, defaults to 'int'" in text
    assert "prog.c:4:1: error: type specifier missing" in text
    assert run_everywhere(src, tmp_path, permissive=True) == b"3\n"


KR = """
int printf(const char *, ...);
double scale(x, by, c, s)
    float x; int by; char c; short s;
{
    return x * by + c + s;
}
int first(p, n) int *p; int n; { return p[0] + n; }
static int sum(a, b, arr) int a, b; int arr[]; { return a + b + arr[1]; }
int main(void)
{
    int v[2] = {5, 6};
    printf("%.2f %d %d\\n", scale(1.25f, 4, 300, 70000), first(v, 1), sum(1, 2, v));
    return 0;
}
"""


def test_kr_definitions_promote_their_parameters(tmp_path):
    # 300 passed to a `char` parameter and 70000 to a `short` one are converted
    # to the declared types inside the function, as in C89
    out = run_everywhere(KR, tmp_path)
    assert out == b"%.2f %d %d\n" % (1.25 * 4 + (300 - 256) + (70000 - 65536), 6, 9)


def test_kr_parameter_without_declaration_is_implicit_int():
    src = "int f(a, b) int b; { return a + b; }\n"
    assert "prog.c:1:6: error: type of 'a' defaults to 'int'" in errors_in(src)
    compile_in(src + "int main(void) { return f(1, 2) - 3; }\n", permissive=True)


def test_parameter_names_without_types_only_in_a_definition():
    src = ("int f(a, b);\n"
           "int g(x) int x; { int (*h)(y); return x; }\n"
           "int k(int (*p)(z));\n")
    text = errors_in(src)
    for line, column in [(1, 6), (2, 27), (3, 15)]:
        assert (f"prog.c:{line}:{column}: error: parameter names (without types) in function "
                f"declaration [-fpermissive accepts it]") in text
    assert text.count("error:") == 3                  # g's own identifier list is its definition's
    warnings = []
    compile_in(src + "int main(void) { return g(0); }\n", warnings, permissive=True)
    assert sum("warning: parameter names (without types)" in w for w in warnings) == 3


@pytest.mark.parametrize("src, message", [
    ("int f(a) int b; { return 0; }", "parameter named 'b' is missing"),
    ("int f(a) int a = 1; { return a; }", "C does not allow initializing parameter 'a'"),
    ("int f(a) void a; { return 0; }", "parameter 'a' has incomplete type 'void'"),
])
def test_kr_declaration_errors(src, message):
    assert message in errors_in(src, permissive=True)


def test_unknown_standard_is_rejected():
    with pytest.raises(CompileError, match="invalid value 'c77' in '-std=c77'"):
        compile_in("int main(void) { return 0; }", std="c77")


def test_int_pointer_conversions_are_warnings_when_permissive(tmp_path):
    src = ("int printf(const char *, ...);\nint main(void) {\n    int x = 7; long a = &x; int *p = a;\n"
           "    printf(\"%d\\n\", *p); return 0;\n}\n")
    assert "incompatible pointer to integer conversion initializing 'long' from 'int *'" in errors_in(src)
    assert run_everywhere(src, tmp_path, permissive=True) == b"7\n"


def test_incompatible_pointer_types_are_warnings_when_permissive(tmp_path):
    src = ("int printf(const char *, ...);\nvoid shout(char *s) { printf(\"%s\\n\", s); }\n"
           "int main(void) {\n    long word = 0x216968; long *w = &word;\n"
           "    shout(w); int *x = 1 ? w : (long *)0; return *x != 0x216968;\n}\n")
    assert "incompatible pointer types passing to parameter of type 'char *' from 'long *'" in errors_in(src)
    assert run_everywhere(src, tmp_path, permissive=True) == b"hi!\n"


def test_conditional_with_one_void_side_when_permissive(tmp_path):
    # GNU C: `c ? f() : 0` is a void expression (an error in ISO C)
    src = ("int printf(const char *, ...);\nint calls;\nvoid note(void) { calls++; }\n"
           "int main(void) {\n    int x = 3;\n    x > 2 ? note() : 0;\n    x < 2 ? note() : 0;\n"
           "    x == 3 ? 1 : (note(), 0);\n    printf(\"%d\\n\", calls); return 0;\n}\n")
    assert "incompatible operand types ('void' and 'int')" in errors_in(src)
    assert run_everywhere(src, tmp_path, permissive=True) == b"1\n"


def test_builtin_names_of_library_functions(tmp_path):
    # gcc accepts __builtin_X for a library function X, declared or not
    src = ("int main(void) {\n    char b[4];\n    __builtin_memset(b, 'a', 3); b[3] = 0;\n"
           "    __builtin_printf(\"%s %d\\n\", b, (int)__builtin_strlen(b));\n"
           "    if (__builtin_strcmp(b, \"aaa\") != 0) __builtin_abort();\n    __builtin_exit(0);\n}\n")
    assert run_everywhere(src, tmp_path) == b"aaa 3\n"
