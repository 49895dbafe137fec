/* Euclid's algorithm, recursive and iterative. */
#include <stdio.h>

static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
}

static unsigned int gcd_loop(unsigned int a, unsigned int b) {
    while (b) {
        unsigned int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

int main(void) {
    printf("%ld\n", gcd(1071, 462));
    printf("%ld\n", gcd(1L << 40, 6L << 20));
    printf("%u\n", gcd_loop(4000000000u, 3000000000u));
    printf("%ld\n", gcd(17, 5));
    long a = 21, b = 6;
    printf("%ld\n", a / gcd(a, b) * b);
    return 0;
}
