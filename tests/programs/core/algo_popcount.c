/* Three ways to count set bits, which must agree. */
#include <stdio.h>

static int pop_loop(unsigned long v) {
    int n = 0;
    while (v) {
        n += (int)(v & 1);
        v >>= 1;
    }
    return n;
}

static int pop_kernighan(unsigned long v) {
    int n = 0;
    while (v) {
        v &= v - 1;
        n++;
    }
    return n;
}

static int pop_swar(unsigned int v) {
    v = v - ((v >> 1) & 0x55555555u);
    v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
    v = (v + (v >> 4)) & 0x0f0f0f0fu;
    return (int)((v * 0x01010101u) >> 24);
}

int main(void) {
    unsigned int x = 1;
    int i, ok = 1;
    for (i = 0; i < 100; i++) {
        x = x * 2654435761u + 1;
        if (pop_loop(x) != pop_kernighan(x) || pop_loop(x) != pop_swar(x))
            ok = 0;
    }
    printf("%d %d %d %d\n", ok, pop_swar(0xffffffffu), pop_loop(0xfffffffffful),
           pop_kernighan(0x8000000000000001ul));
    return 0;
}
