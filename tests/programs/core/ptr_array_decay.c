/* An array name decays to a pointer to its first element. */
#include <stdio.h>

static int sum(int *v, int n) {
    int s = 0;
    int i;
    for (i = 0; i < n; i++)
        s += v[i];
    return s;
}

int main(void) {
    int a[6];
    int i;
    for (i = 0; i < 6; i++)
        a[i] = 10 + i;
    int *p = a;
    printf("%d\n", p == &a[0]);
    printf("%d\n", sum(a, 6));
    printf("%d\n", sum(a + 2, 3));
    printf("%d\n", sum(&a[4], 2));
    printf("%d\n", *a);
    printf("%d %d\n", (int)sizeof(a), (int)sizeof(p));
    return 0;
}
