/* Storing into short keeps the low 16 bits, sign-extended. */
#include <stdio.h>

int main(void) {
    int i = 70000;
    short s = i;
    unsigned short us = i;
    printf("%d %u\n", s, us);
    i = 40000;
    s = i;
    us = i;
    printf("%d %u\n", s, us);
    s = -1;
    us = s;
    printf("%d %u\n", s, us);
    s = 32767;
    s = s + 1;
    printf("%d\n", s);
    long l = 0x123456789L;
    s = l;
    printf("%d %x\n", s, (unsigned short)l);
    return 0;
}
