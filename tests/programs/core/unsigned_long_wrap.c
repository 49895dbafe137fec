/* unsigned long arithmetic is modulo 2^64. */
#include <stdio.h>

int main(void) {
    unsigned long u = 18446744073709551615ul;
    printf("%lu\n", u);
    printf("%lu\n", u + 1);
    printf("%lu\n", u * 2);
    unsigned long a = 0x8000000000000000ul;
    printf("%lu %lx\n", a, a + a);
    unsigned long long c = 12345678901234567ull;
    printf("%llu\n", c * 1000);
    printf("%lx\n", 0ul - 3);
    return 0;
}
