/* unsigned char and unsigned short promote to (signed) int. */
#include <stdio.h>

int main(void) {
    unsigned char a = 255, b = 1;
    printf("%d\n", a + b);
    printf("%d\n", b - a);
    printf("%d\n", (b - a) < 0);
    unsigned short s = 65535;
    printf("%d\n", s + 1);
    printf("%d\n", -s);
    unsigned char n = 0x80;
    printf("%d\n", ~n);
    printf("%d\n", n << 4);
    return 0;
}
