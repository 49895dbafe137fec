/* Bitwise and, or, xor at several widths. */
#include <stdio.h>

int main(void) {
    int a = 0x5a5a, b = 0x0ff0;
    printf("%x %x %x\n", a & b, a | b, a ^ b);
    int n = -1;
    printf("%d %d\n", n & 0xff, n | 0);
    unsigned long x = 0xf0f0f0f0f0f0f0f0ul, y = 0x0123456789abcdeful;
    printf("%lx %lx %lx\n", x & y, x | y, x ^ y);
    printf("%d\n", (a ^ b) ^ b);
    char c = 0x41;
    printf("%c\n", c | 0x20);
    printf("%c\n", 'q' & ~0x20);
    return 0;
}
