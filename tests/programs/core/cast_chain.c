/* Chains of casts between integer types. */
#include <stdio.h>

int main(void) {
    int m = -1;
    printf("%d\n", (unsigned char)(signed char)m);
    printf("%d\n", (signed char)(unsigned char)200);
    printf("%u\n", (unsigned int)(unsigned char)m);
    printf("%ld\n", (long)(unsigned int)m);
    printf("%ld\n", (long)(int)(unsigned int)m);
    printf("%d\n", (short)(unsigned short)40000);
    printf("%lu\n", (unsigned long)(short)-2);
    printf("%d\n", (int)(char)(long)0x1ff);
    long big = 0x123456789aL;
    printf("%x\n", (unsigned int)big);
    printf("%d\n", (int)(unsigned char)(big >> 8));
    return 0;
}
