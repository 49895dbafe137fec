/* Converting to a narrower integer type keeps the low bits (gcc: modulo 2^N). */
#include <stdio.h>

int main(void) {
    long l = 0x1234567890abcdefL;
    int i = l;
    short s = l;
    char c = l;
    unsigned char uc = l;
    printf("%x %d %d %u\n", i, s, c, uc);
    long m = 4294967296L + 5;
    i = m;
    printf("%d\n", i);
    long n = 2147483648L;
    i = n;
    printf("%d\n", i);
    unsigned int u = 0x80000000u;
    i = u;
    printf("%d\n", i);
    return 0;
}
