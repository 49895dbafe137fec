/* 64-bit signed division and remainder. */
#include <stdio.h>

int main(void) {
    long a = 9223372036854775807L;
    printf("%ld %ld\n", a / 3, a % 3);
    long b = -9223372036854775807L;
    printf("%ld %ld\n", b / 10, b % 10);
    long long c = 1000000000000000000LL;
    printf("%lld %lld\n", c / -7, c % -7);
    long d = 12345678901L;
    int e = 1000;
    printf("%ld %ld\n", d / e, d % e);
    return 0;
}
