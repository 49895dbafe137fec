/* Returning several results through pointer parameters. */
#include <stdio.h>

static void divmod(int a, int b, int *q, int *r) {
    *q = a / b;
    *r = a % b;
}

static void minmax(const int *v, int n, int *lo, int *hi) {
    int i;
    *lo = *hi = v[0];
    for (i = 1; i < n; i++) {
        if (v[i] < *lo) *lo = v[i];
        if (v[i] > *hi) *hi = v[i];
    }
}

int main(void) {
    int q, r;
    divmod(47, 5, &q, &r);
    printf("%d %d\n", q, r);
    divmod(-47, 5, &q, &r);
    printf("%d %d\n", q, r);
    int v[6];
    v[0] = 4; v[1] = -8; v[2] = 15; v[3] = 16; v[4] = 23; v[5] = 42;
    int lo, hi;
    minmax(v, 6, &lo, &hi);
    printf("%d %d\n", lo, hi);
    return 0;
}
