"""Minimal programs for compiler bugs found by csmith and by public C test
suites; each expected output is gcc's."""
import pytest

from compiler_helpers import run

CASES = {
    # a struct assignment used as the value of another: its address was in a
    # register released too early, and the outer copy overwrote it
    "chained_struct_assignment": (r"""
        #include <stdio.h>
        struct S0 { int f0; };
        struct S2 { struct S0 f0; const int f1; struct S0 f2; };
        static struct S0 inner = {5};
        static struct S2 g[3] = {{{-1}, -1, {7}}, {{-1}, -1, {7}}, {{-1}, -1, {7}}};
        static struct S0 *const p = &inner;
        static void f(struct S2 v) { g[2].f0 = ((*p) = v.f0); }
        int main(void) {
            struct S2 x = {{0}, 3, {4}};
            f(x);
            printf("%d %d %d %d\n", g[2].f0.f0, g[2].f1, g[2].f2.f0, inner.f0);
            return 0;
        }""", "0 -1 7 0\n"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_regression(name):
    src, want = CASES[name]
    r = run(src)
    assert r.stdout.decode() == want and r.status == 0, r.stderr.decode()


def test_hundreds_of_locals_and_loop_constants_fit_in_the_registers():
    # csmith seed 308: 'needs more than 256 registers'.  Past LOCAL_REGISTERS
    # locals live in the frame; past MAX_CONSTANTS loop constants are loaded
    # where used.
    n = 300
    decls = "\n".join(f"    int v{i} = {i};" for i in range(n))
    loop = "\n".join(f"        v{i} = v{i} * 3 + {1000 + i};" for i in range(0, n, 3))
    total = " + ".join(f"v{i}" for i in range(n))
    src = (f"#include <stdio.h>\nint main(void) {{\n{decls}\n    for (int k = 0; k < 2; k++) {{\n{loop}\n"
           f"    }}\n    printf(\"%d\\n\", {total});\n    return 0;\n}}\n")
    values = list(range(n))
    for _ in range(2):
        for i in range(0, n, 3):
            values[i] = values[i] * 3 + 1000 + i
    r = run(src)
    assert r.stdout.decode() == f"{sum(values)}\n", r.stderr.decode()
