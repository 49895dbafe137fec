/* Address-of and dereference: writes through a pointer change the variable. */
#include <stdio.h>

int main(void) {
    int x = 10;
    int *p = &x;
    *p = 20;
    printf("%d %d\n", x, *p);
    *p += 5;
    printf("%d\n", x);
    (*p)++;
    printf("%d\n", x);
    int y = 1;
    p = &y;
    *p = x * 2;
    printf("%d %d\n", x, y);
    printf("%d\n", *&x);
    return *p - 50;
}
