/* Relational comparison of pointers into the same array. */
#include <stdio.h>

int main(void) {
    int a[5];
    int *p = &a[1], *q = &a[3];
    printf("%d %d %d %d\n", p < q, p > q, p <= q, p >= q);
    printf("%d %d\n", p == q, p != q);
    int *r = a + 5;
    int n = 0;
    for (p = a; p < r; p++)
        n++;
    printf("%d\n", n);
    char *s = "abc";
    char *t = s + 3;
    printf("%d\n", t > s);
    int *z = 0;
    printf("%d\n", z == 0);
    return 0;
}
