"""End to end: C source -> Program -> run on the interpreter, checking results."""
import pytest

from compiler_helpers import run, status_of


@pytest.mark.parametrize("expr, want", [
    ("3", 3), ("7 / 2 + 7 % 2", 4), ("-7 / 2 == -3 && -7 % 2 == -1", 1),
    ("(unsigned char)300", 44), ("(signed char)200 < 0", 1), ("(unsigned)-1 > 0", 1), ("-1 < 0u", 0),
    ("(int)(4000000000u / 3) == 1333333333", 1), ("(short)70000 == 4464", 1),
    ("1 << 31 < 0", 1), ("(-16 >> 2) == -4", 1), ("(0x80000000u >> 31) == 1", 1),
    ("sizeof(long) + sizeof(int) + sizeof(char *) + sizeof(short)", 22),
    ("(long)(unsigned)-1 == 4294967295", 1), ("(long long)1 << 40 > 0", 1),
    ("(1, 2, 3)", 3), ("0 ? 1 : 2", 2), ("!5 + !0", 1), ("~0 == -1", 1), ("'\\n' + '\\0'", 10),
])
def test_expression_values(expr, want):
    assert status_of(f"int main(void) {{ return {expr}; }}") == want


def test_locals_loops_and_recursion():
    src = """
    static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
    int main(void) {
        int total = 0;
        for (int i = 0; i < 10; i++) { if (i == 7) continue; total += i; }
        int j = 0;
        do { j++; } while (j < 5);
        while (1) { if (++j > 8) break; }
        return fib(10) + total + j;   /* 55 + 38 + 9 */
    }"""
    assert status_of(src) == 102


def test_pointers_arrays_and_static_locals():
    src = """
    int counter(void) { static int n = 40; return ++n; }
    int sum(int *a, int n) { int s = 0; for (int *p = a; p < a + n; p++) s += *p; return s; }
    int main(void) {
        int grid[3][4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i][j] = i * 4 + j;
        int *flat = &grid[0][0];
        long d = &grid[2][1] - flat;
        counter();
        return sum(grid[1], 4) + (int)d + counter() - 40;   /* 22 + 9 + 2 */
    }"""
    assert status_of(src) == 33


def test_structs_unions_enums_switch_and_function_pointers():
    src = """
    struct point { int x, y; };
    union bits { unsigned u; unsigned char b[4]; };
    enum color { RED, GREEN = 5, BLUE };
    typedef int (*binop)(int, int);
    static int add(int a, int b) { return a + b; }
    static int mul(int a, int b) { return a * b; }
    static struct point mid(struct point a, struct point b) {
        struct point m = { (a.x + b.x) / 2, (a.y + b.y) / 2 };
        return m;
    }
    int main(void) {
        binop ops[2] = { add, mul };
        struct point m = mid((struct point){2, 4}, (struct point){.y = 8, .x = 6});
        union bits v; v.u = 0x01020304;
        int r = 0;
        switch (BLUE) { case RED: r = 1; break; case 6: r = 2; /* fall through */ default: r += 10; }
        return ops[1](m.x, m.y) + ops[0](v.b[0], r);   /* 4*6 + 4+12 */
    }"""
    assert status_of(src) == 40


def test_floating_point_and_printf():
    r = run('#include <stdio.h>\nint main(void) { double d = 1.0 / 3; float f = 2.5f; '
            'printf("%.6f %g %d\\n", d, f * 2, (int)(d * 300)); return 0; }')
    assert (r.status, r.stdout) == (0, b"0.333333 5 100\n")


def test_variadic_function_written_in_c():
    r = run("""#include <stdarg.h>
    #include <stdio.h>
    static long total(int n, ...) {
        va_list ap; va_start(ap, n); long s = 0;
        for (int i = 0; i < n; i++) s += va_arg(ap, int);
        va_end(ap); return s;
    }
    int main(void) { printf("%ld\\n", total(4, 1, 2, 3, -4)); return 0; }""")
    assert r.stdout == b"2\n"


def test_hello_world_with_stdlib_and_args():
    r = run('#include <stdio.h>\nint main(int argc, char **argv) { printf("hi %s %d\\n", argv[1], argc); '
            'return 3; }', args=["there"])
    assert (r.status, r.stdout) == (3, b"hi there 2\n")


def test_same_source_gives_identical_program():
    from compiler.driver import compile_source
    src = '#include <stdio.h>\nstatic int t[3] = {1, 2, 3};\nint main(void) { printf("%d\\n", t[1]); return 0; }'
    a, b = compile_source(src), compile_source(src)
    assert a == b
