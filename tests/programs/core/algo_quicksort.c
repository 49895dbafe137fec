/* Recursive quicksort (Lomuto partition) of longs. */
#include <stdio.h>

static void qs(long *a, int lo, int hi) {
    if (lo >= hi)
        return;
    long pivot = a[hi];
    int i = lo, j;
    for (j = lo; j < hi; j++)
        if (a[j] < pivot) {
            long t = a[i]; a[i] = a[j]; a[j] = t;
            i++;
        }
    long t = a[i]; a[i] = a[hi]; a[hi] = t;
    qs(a, lo, i - 1);
    qs(a, i + 1, hi);
}

int main(void) {
    long a[300];
    int i;
    unsigned long s = 1;
    for (i = 0; i < 300; i++) {
        s = s * 2862933555777941757ul + 3037000493ul;
        a[i] = (long)(s >> 20) - (1L << 43);
    }
    qs(a, 0, 299);
    int sorted = 1;
    for (i = 1; i < 300; i++)
        if (a[i - 1] > a[i])
            sorted = 0;
    printf("%d %ld %ld %ld\n", sorted, a[0], a[150], a[299]);
    return 0;
}
