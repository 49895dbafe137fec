/* Unsigned and 64-bit parameters keep their full range through calls. */
#include <stdio.h>

static unsigned int umax(unsigned int a, unsigned int b) { return a > b ? a : b; }
static long lsum(long a, long b) { return a + b; }
static unsigned long long ushr(unsigned long long v, int n) { return v >> n; }

int main(void) {
    printf("%u\n", umax(4000000000u, 5));
    printf("%u\n", umax(-1, 0));
    printf("%ld\n", lsum(9000000000L, -1));
    printf("%llu\n", ushr(18446744073709551615ull, 4));
    printf("%ld\n", lsum(-5, 2147483647));
    return 0;
}
