/* Looking at an object's bytes through unsigned char *: little-endian. */
#include <stdio.h>

int main(void) {
    int x = 0x11223344;
    unsigned char *b = (unsigned char *)&x;
    printf("%x %x %x %x\n", b[0], b[1], b[2], b[3]);
    long l = 0x0102030405060708L;
    unsigned char *c = (unsigned char *)&l;
    int i;
    for (i = 0; i < 8; i++)
        printf("%d", c[i]);
    printf("\n");
    b[3] = 0xff;
    printf("%d\n", x);
    short s = -2;
    unsigned char *d = (unsigned char *)&s;
    printf("%d %d\n", d[0], d[1]);
    return 0;
}
