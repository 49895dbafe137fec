/* Unsigned division and remainder treat all 32 or 64 bits as magnitude. */
#include <stdio.h>

int main(void) {
    unsigned int a = 4294967295u, b = 10;
    printf("%u %u\n", a / b, a % b);
    unsigned int c = 0x80000000u;
    printf("%u %u\n", c / 3, c % 3);
    unsigned long d = 18446744073709551615ul;
    printf("%lu %lu\n", d / 7, d % 7);
    int m = -10;
    unsigned int n = 3;
    printf("%u\n", m / n);
    printf("%u\n", m % n);
    unsigned char x = 250, y = 7;
    printf("%d %d\n", x / y, x % y);
    return 0;
}
