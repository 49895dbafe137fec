/* Array subscripts can be any integer expression, including negative offsets
   from a pointer into the middle, and signed char or long indexes. */
#include <stdio.h>

int main(void) {
    int a[16];
    int i;
    for (i = 0; i < 16; i++)
        a[i] = 100 + i;
    signed char c = 3;
    long l = 12;
    unsigned char u = 15;
    printf("%d %d %d\n", a[c], a[l], a[u]);
    printf("%d\n", a[c * 2 + 1]);
    printf("%d\n", a[a[0] - 95]);
    int *mid = &a[8];
    printf("%d %d\n", mid[-8], mid[7]);
    printf("%d\n", a[(i = 2) + 1]);
    return 0;
}
