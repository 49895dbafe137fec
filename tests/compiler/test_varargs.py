"""Structs among a variadic function's extra arguments travel by value (in
8-byte slots), so __builtin_va_arg(ap, struct T) reads them; output is gcc's."""
import pytest

import pvm
from compiler.driver import compile_source

PROGRAM = r"""
#include <stdio.h>
#include <stdarg.h>
struct s3 { char c[3]; };
struct pt { int x, y; };
struct big { long a; double d; char tag[5]; };
static void show(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt == 'p') { struct pt p = __builtin_va_arg(ap, struct pt); printf("pt(%d,%d) ", p.x, p.y); }
        else if (*fmt == 's') { struct s3 s = __builtin_va_arg(ap, struct s3); printf("s3(%.3s) ", s.c); }
        else if (*fmt == 'b') { struct big b = __builtin_va_arg(ap, struct big); printf("big(%ld,%g,%s) ", b.a, b.d, b.tag); }
        else if (*fmt == 'i') printf("%d ", __builtin_va_arg(ap, int));
        else if (*fmt == 'd') printf("%g ", __builtin_va_arg(ap, double));
    }
    va_end(ap);
    printf("\n");
}
static struct pt first(int n, ...) {
    va_list ap;
    va_start(ap, n);
    struct pt p = va_arg(ap, struct pt);
    int after = va_arg(ap, int);
    va_end(ap);
    p.x += after;
    return p;
}
int main(void) {
    struct pt p = {1, -2};
    struct s3 s = {{'a', 'b', 'c'}};
    struct big b = {1L << 40, 2.5, "tag"};
    show("ipsbd", 7, p, s, b, 0.5);
    show("bbi", b, (struct big){-3, -0.25, "xy"}, 9);
    struct pt q = first(1, p, 100);
    printf("%d %d\n", q.x, q.y);
    return 0;
}
"""

GCC_OUTPUT = ("7 pt(1,-2) s3(abc) big(1099511627776,2.5,tag) 0.5 \n"
              "big(1099511627776,2.5,tag) big(-3,-0.25,xy) 9 \n"
              "101 -2\n")


@pytest.mark.parametrize("tier", pvm.TIERS)
def test_structs_pass_through_varargs(tier):
    r = pvm.run(compile_source(PROGRAM), tier=tier)
    assert r.stdout.decode() == GCC_OUTPUT and r.status == 0, r.stderr.decode()


def test_struct_vararg_is_spread_over_slots():
    from compiler_helpers import ops
    code = ops("struct big { long a, b, c; }; int f(int n, ...);\n"
               "int g(struct big *p) { return f(1, *p); }", "g")
    call = next(i for i in code if i[0] == "CALL")
    assert call[4] == 1 + 3                  # n, then the struct's three 8-byte slots
    assert [i[0] for i in code].count("LD64") == 3
