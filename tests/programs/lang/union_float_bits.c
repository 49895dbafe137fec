/* Reading a float's and a double's IEEE bits through a union. */
#include <stdio.h>

union fbits { float f; unsigned int u; };
union dbits { double d; unsigned long u; };

int main(void) {
    union fbits a;
    union dbits b;
    a.f = 1.0f;
    printf("%08x\n", a.u);
    a.f = -2.5f;
    printf("%08x\n", a.u);
    b.d = 1.0;
    printf("%016lx\n", b.u);
    b.d = 0.1;
    printf("%016lx\n", b.u);
    b.u = 0x4009000000000000ul;
    printf("%d\n", (int)b.d);
    return 0;
}
