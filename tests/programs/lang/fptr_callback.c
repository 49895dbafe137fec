/* Passing functions as callbacks: a generic sort with a comparator. */
#include <stdio.h>

static int ascending(const void *a, const void *b) {
    return *(const int *)a - *(const int *)b;
}

static int descending(const void *a, const void *b) {
    return *(const int *)b - *(const int *)a;
}

static void sort(int *v, int n, int (*cmp)(const void *, const void *)) {
    int i, j;
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            if (cmp(&v[i], &v[j]) > 0) {
                int t = v[i]; v[i] = v[j]; v[j] = t;
            }
}

static void each(const int *v, int n, void (*fn)(int)) {
    int i;
    for (i = 0; i < n; i++)
        fn(v[i]);
}

static void show(int x) { printf("%d ", x); }

int main(void) {
    int v[7] = {5, -2, 9, 0, 3, 3, -7};
    sort(v, 7, ascending);
    each(v, 7, show);
    printf("\n");
    sort(v, 7, descending);
    each(v, 7, show);
    printf("\n");
    return 0;
}
