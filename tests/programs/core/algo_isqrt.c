/* Integer square root by Newton's method and by bisection. */
#include <stdio.h>

static long isqrt_newton(long n) {
    if (n < 2)
        return n;
    long x = n, y = n / 2;
    while (y < x) {
        x = y;
        y = (x + n / x) / 2;
    }
    return x;
}

static long isqrt_bisect(long n) {
    long lo = 0, hi = 3037000499L;
    while (lo < hi) {
        long mid = lo + (hi - lo + 1) / 2;
        if (mid * mid <= n)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

int main(void) {
    long tests[6];
    int i;
    tests[0] = 0; tests[1] = 1; tests[2] = 99; tests[3] = 100;
    tests[4] = 1000000007L; tests[5] = 9223372036854775807L;
    for (i = 0; i < 6; i++)
        printf("%ld %ld\n", isqrt_newton(tests[i]), isqrt_bisect(tests[i]));
    return 0;
}
