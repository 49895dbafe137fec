/* ! on integers of every width and on pointers. */
#include <stdio.h>

int main(void) {
    int z = 0, nz = -9;
    printf("%d %d\n", !z, !nz);
    long big = 1L << 35;
    printf("%d\n", !big);
    unsigned char c = 0;
    printf("%d\n", !c);
    char *p = 0;
    printf("%d\n", !p);
    p = "s";
    printf("%d\n", !p);
    printf("%d\n", !!nz + !!z);
    int i, count = 0;
    for (i = -3; i <= 3; i++)
        count += !i;
    printf("%d\n", count);
    return !nz;
}
