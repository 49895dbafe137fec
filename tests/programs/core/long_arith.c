/* 64-bit signed arithmetic: no 32-bit truncation along the way. */
#include <stdio.h>

int main(void) {
    long a = 3000000000L;
    long b = a * 3;
    printf("%ld\n", b);
    printf("%ld\n", -b);
    printf("%ld\n", b / 7);
    printf("%ld\n", b % 7);
    int i = 2000000000;
    long c = (long)i * 4;
    printf("%ld\n", c);
    long d = i;
    d += i;
    printf("%ld\n", d);
    printf("%ld\n", 9223372036854775807L);
    printf("%ld\n", -9223372036854775807L - 1);
    return 0;
}
