/* Recursive binary search over a sorted array. */
#include <stdio.h>

static int bsearch_rec(const int *a, int lo, int hi, int key) {
    if (lo > hi)
        return -1;
    int mid = lo + (hi - lo) / 2;
    if (a[mid] == key)
        return mid;
    if (a[mid] < key)
        return bsearch_rec(a, mid + 1, hi, key);
    return bsearch_rec(a, lo, mid - 1, key);
}

int main(void) {
    int a[50];
    int i;
    for (i = 0; i < 50; i++)
        a[i] = i * 7 - 20;
    printf("%d %d %d\n", bsearch_rec(a, 0, 49, -20), bsearch_rec(a, 0, 49, 1),
           bsearch_rec(a, 0, 49, 323));
    printf("%d\n", bsearch_rec(a, 0, 49, 5));
    return 0;
}
