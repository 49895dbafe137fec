/* Conversions between signed and unsigned types of the same width. */
#include <stdio.h>

int main(void) {
    unsigned int u = 4294967295u;
    int i = u;
    printf("%d\n", i);
    i = -2;
    u = i;
    printf("%u\n", u);
    unsigned long ul = 18446744073709551614ul;
    long l = ul;
    printf("%ld\n", l);
    unsigned short us = 65535;
    short s = us;
    printf("%d\n", s);
    unsigned char uc = 128;
    signed char sc = uc;
    printf("%d\n", sc);
    return 0;
}
