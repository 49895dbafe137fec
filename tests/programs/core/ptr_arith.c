/* Pointer plus integer scales by the element size. */
#include <stdio.h>

int main(void) {
    int a[8];
    int i;
    for (i = 0; i < 8; i++)
        a[i] = i * i;
    int *p = a;
    printf("%d %d %d\n", *(p + 3), *(a + 5), *(p + 7));
    p = p + 6;
    printf("%d %d\n", *p, *(p - 4));
    p -= 2;
    printf("%d\n", p[1]);
    short s[4];
    s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
    short *sp = s + 3;
    printf("%d\n", *sp);
    printf("%d\n", (int)((char *)sp - (char *)s));
    long l[3];
    l[2] = 77;
    long *lp = l;
    printf("%ld\n", *(lp + 2));
    return 0;
}
