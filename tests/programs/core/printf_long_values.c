/* %ld %lu %lld %llu %lx with extreme 64-bit values. */
#include <stdio.h>

int main(void) {
    long lmax = 9223372036854775807L;
    long lmin = -lmax - 1;
    printf("%ld %ld\n", lmax, lmin);
    printf("%lu\n", 18446744073709551615ul);
    printf("%lld %llu\n", -1LL, 18446744073709551615ull);
    printf("%lx %lx\n", 0xdeadbeefcafeul, (unsigned long)lmin);
    printf("[%20ld] [%-20ld]\n", lmin, lmax);
    printf("[%+ld] [%022ld]\n", 5L, -5L);
    printf("%ld %lu\n", 0L, 0ul);
    return 0;
}
