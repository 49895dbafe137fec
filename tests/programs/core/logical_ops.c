/* Logical operators yield int 0 or 1. */
#include <stdio.h>

int main(void) {
    int t = 5, f = 0;
    printf("%d %d %d %d\n", t && t, t && f, f || t, f || f);
    printf("%d %d\n", !t, !f);
    printf("%d\n", !!t);
    printf("%d\n", (t > 3) && (t < 10));
    printf("%d\n", (t < 3) || (t == 5));
    long big = 0x100000000L;
    printf("%d\n", big && 1);
    char *p = "x";
    char *q = 0;
    printf("%d %d\n", p && 1, q || 0);
    return 0;
}
