/* Compound assignment computes in the promoted type, then converts back. */
#include <stdio.h>

int main(void) {
    char c = 100;
    c += 100;
    printf("%d\n", c);
    unsigned char uc = 200;
    uc += 100;
    printf("%d\n", uc);
    uc *= 3;
    printf("%d\n", uc);
    short s = 30000;
    s += s;
    printf("%d\n", s);
    unsigned short us = 1;
    us -= 2;
    printf("%d\n", us);
    int i = 7;
    i *= i > 0 ? 3 : 1;
    printf("%d\n", i);
    char d = 10;
    d /= 3;
    d <<= 6;
    printf("%d\n", d);
    unsigned int u = 5;
    u += -1;
    printf("%u\n", u);
    return 0;
}
