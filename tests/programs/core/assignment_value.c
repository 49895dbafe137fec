/* An assignment expression has the value stored, after conversion. */
#include <stdio.h>

int main(void) {
    char c;
    int v = 300;
    int r = (c = v);
    printf("%d %d\n", r, c);
    unsigned char u;
    int big = 511;
    printf("%d\n", (u = big));
    int x;
    if ((x = 0))
        printf("not here\n");
    if ((x = 5))
        printf("x is %d\n", x);
    short s;
    int w = 65537;
    long l = (s = w);
    printf("%ld\n", l);
    int a, b;
    a = (b = 3) + 1;
    printf("%d %d\n", a, b);
    return 0;
}
