// expect: add 42
// expect: inout 26
// expect: lines 7
// expect: fadd 3.5 float 12.25
// expect: through pointers 7 11 global 99
// expect: loop 4950
// expect: tied 10
// expect: bool 1 int -1
/* Inline asm on every tier: integer, floating, immediate, in-out and tied
   operands, several instructions per string, outputs to memory. */
#include <stdio.h>

long g;

static long add(long a, long b) {
    long c;
    asm("add64 %0, %1, %2" : "=r"(c) : "r"(a), "r"(b));
    return c;
}

int main(void) {
    printf("add %ld\n", add(40, 2));

    int x = 5;
    asm volatile("addi64 %0, %0, %1" : "+r"(x) : "i"(7 * 3));
    printf("inout %d\n", x);

    long y = 1;
    __asm__ __volatile__("addi64 %0, %0, #1; addi64 %0, %0, #2\n"
                         "  addi64 %0, %0, #3" : "+r"(y));
    printf("lines %ld\n", y);

    double d = 1.75, e;
    float f;
    asm("fadd %0, %1, %1" : "=f"(e) : "f"(d));
    asm("fmul %0, %1, %1" : "=f"(f) : "f"(e));
    printf("fadd %g float %g\n", e, f);

    long box[2] = {0, 0};
    long *p = box;
    asm("li %0, #7; li %1, #11" : "=r"(p[0]), "=r"(box[1]));
    asm("li %0, #99" : "=r"(g) : : "memory");
    printf("through pointers %ld %ld global %ld\n", box[0], box[1], g);

    long sum = 0;
    for (long i = 0; i < 100; i++)
        asm("add64 %0, %0, %1" : "+r"(sum) : "r"(i));
    printf("loop %ld\n", sum);

    long t, u = 9;
    asm("addi64 %0, %0, #1" : "=r"(t) : "0"(u));
    printf("tied %ld\n", t);

    _Bool b;
    int m;
    asm("li %0, #8; li %1, #0xffffffff" : "=r"(b), "=r"(m));
    printf("bool %d int %d\n", b, m);
    return 0;
}
