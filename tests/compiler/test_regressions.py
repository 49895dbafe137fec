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
