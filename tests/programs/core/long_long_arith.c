/* long long is 64 bits; mixing with int converts the int. */
#include <stdio.h>

int main(void) {
    long long x = 1;
    int i;
    for (i = 0; i < 62; i++)
        x *= 2;
    printf("%lld\n", x);
    printf("%lld\n", x - 1 + x);
    long long y = -5000000000LL;
    printf("%lld %lld\n", y / 3, y % 3);
    unsigned long long u = (unsigned long long)y;
    printf("%llu\n", u);
    printf("%lld\n", (long long)-1 * 1000000000000LL);
    return 0;
}
