/* <, <=, >, >= on signed, unsigned and long operands. */
#include <stdio.h>

int main(void) {
    int a = -3, b = 4;
    printf("%d %d %d %d\n", a < b, a <= b, a > b, a >= b);
    int a2 = a;
    printf("%d %d\n", a <= a2, a >= a2);
    unsigned int x = 3000000000u, y = 5;
    printf("%d %d %d %d\n", x < y, x <= y, x > y, x >= y);
    long l = -5000000000L;
    printf("%d %d\n", l < a, l > -6000000000L);
    unsigned long ul = 0x8000000000000000ul;
    printf("%d\n", ul > 1ul);
    char c = -1;
    unsigned char uc = 255;
    printf("%d\n", c < uc);
    return 0;
}
