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
    # c-testsuite 00107: a cast to the type a constant already has is still a constant
    "cast_constant_initializer": (r"""
        #include <stdio.h>
        typedef int myint;
        typedef long I;
        myint x = (myint)1;
        long t[2] = {(I)4194304L + (I)2097152L, (long)(I)-1L};
        int main(void) { printf("%d %ld %ld\n", x, t[0], t[1]); return 0; }""", "1 6291456 -1\n"),
    # c-testsuite 00129: `struct s s;` declares a variable s even where s is a typedef name
    "typedef_name_redeclared_after_struct": (r"""
        #include <stdio.h>
        typedef struct s s;
        struct s { struct s1 { int s; struct s2 { int s; } s1; } s; } s2;
        int main(void) {
            struct s s;
            s.s.s = 3; s.s.s1.s = 4;
            { int s = 1; printf("%d ", s); }
            printf("%d\n", s.s.s + s.s.s1.s);
            return 0;
        }""", "1 7\n"),
    # c-testsuite 00209: `int f();` has no prototype: any arguments, promoted
    "unprototyped_function_declarations": (r"""
        #include <stdio.h>
        typedef int (*fptr1)();
        int twice();
        int apply(fptr1 f, int x) { return f(x); }
        int main() { char c = 20; printf("%d %d\n", twice(c), apply(twice, 4)); return 0; }
        int twice(int x) { return 2 * x; }""", "40 8\n"),
    # c-testsuite 00162: `[static N]`, `[const N]` and `[*]` in parameter declarators
    "array_parameter_qualifiers": (r"""
        #include <stdio.h>
        int sum(int a[static 3], int b[const *], int c[const static 2]);
        int sum(int a[static 3], int b[const 2], int c[const static 2]) { return a[0] + b[1] + c[1]; }
        void g(int [*]);
        int main(void) { int a[3] = {1, 2, 3}; printf("%d\n", sum(a, a, a)); return 0; }""", "5\n"),
    # c-testsuite 00210: GNU attributes are accepted (and ignored)
    "gnu_attributes_are_ignored": (r"""
        #include <stdio.h>
        typedef union __attribute__((packed)) U { unsigned short u; unsigned char b[2]; } U;
        extern void foo(void) __attribute__((stdcall));
        void __attribute__((stdcall)) foo(void) {}
        int __attribute__((__noinline__, section(".t)ext"))) f(void) { return 42; }
        __extension__ typedef long long ll;
        int main(void) { U x; x.u = 0x0102; ll y = f(); foo(); printf("%d %lld\n", x.b[0], y); return 0; }""",
                                   "2 42\n"),
    # writing-a-c-compiler-tests chapter 15/16: the x86-64 ABI aligns array
    # variables of 16 bytes or more to 16, in the frame and in static data
    "array_variables_are_16_aligned": (r"""
        #include <stdio.h>
        char g1; int garr[5]; char g2; char gstr[17] = "0123456789abcdef";
        static int aligned(void *p) { return (unsigned long)p % 16 == 0; }
        static int f(int k) {
            char c = 1; int a[4] = {k}; char b = 2; char s[20] = "hello"; long l[3];
            return aligned(a) + aligned(s) + aligned(l) + c + b;
        }
        int main(void) {
            printf("%d %d %d %d\n", aligned(garr), aligned(gstr), f(1), f(2));
            return 0;
        }""", "1 1 6 6\n"),
    # writing-a-c-compiler-tests chapter 18: `union tag;` alone declares a new
    # tag in its block, shadowing an outer `struct tag`
    "tag_declaration_shadows_outer_tag": (r"""
        #include <stdio.h>
        struct s { int a; };
        int main(void) {
            struct tag;
            struct tag *sp = 0;
            {
                union tag;
                union tag *up = 0;
                struct s;
                struct s { long b, c; } inner = {1, 2};
                printf("%d %d %zu\n", sp == 0, up == 0, sizeof inner);
            }
            printf("%zu\n", sizeof(struct s));
            return 0;
        }""", "1 1 16\n4\n"),
    # writing-a-c-compiler-tests chapter 17: `v[0];` for a void *v is evaluated for effect
    "void_dereference_as_statement": (r"""
        #include <stdio.h>
        int main(void) { int x = 10; void *v = &x; v[0]; *v; printf("%d\n", x); return 0; }""", "10\n"),
    # c-testsuite 00216: an empty compound literal is all zero (C23, gcc)
    "empty_compound_literal": (r"""
        #include <stdio.h>
        struct p { int x; double y; };
        int main(void) { struct p v = {1, 2}; v = (struct p){}; printf("%d %g\n", v.x, v.y); return 0; }""",
                               "0 0\n"),
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
