/* The extreme values of each integer type, written as expressions. */
#include <stdio.h>

int main(void) {
    int imax = 2147483647;
    int imin = -imax - 1;
    printf("%d %d\n", imax, imin);
    printf("%u\n", (unsigned int)imin);
    long lmax = 9223372036854775807L;
    long lmin = -lmax - 1;
    printf("%ld %ld\n", lmax, lmin);
    printf("%lu\n", (unsigned long)lmin);
    printf("%d %d\n", (signed char)127, (signed char)-128);
    printf("%d %d\n", (short)32767, (short)-32768);
    printf("%u %u\n", (unsigned short)65535, (unsigned char)255);
    printf("%d\n", imax / -1);
    printf("%ld\n", imin / 2L);
    return 0;
}
