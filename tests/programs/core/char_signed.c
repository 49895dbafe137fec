/* Plain char is signed (x86-64): values above 127 wrap to negatives. */
#include <stdio.h>

int main(void) {
    int big = 200;
    char c = big;
    signed char s = big;
    unsigned char u = big;
    printf("%d %d %d\n", c, s, u);
    c = 127;
    c++;
    printf("%d\n", c);
    c = -128;
    c--;
    printf("%d\n", c);
    printf("%d\n", c < 0);
    return c == 127 ? 0 : 1;
}
