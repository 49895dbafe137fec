/* qsort.c: a hand-written quicksort of pseudo-random ints, a benchmark of
 * array indexing, comparisons and recursion.
 *
 * Size: n (argv[1], default 50000); the ints come from a 32-bit linear
 * congruential generator, so every run sorts the same data.
 * Unit of work: n * log2(n) (the comparisons a good sort needs, up to a
 * constant), with log2 rounded up.
 * Prints "checksum: <position-weighted sum of the sorted array, mod 2^32>"
 * and "work: <n log n>"; the checksum is -1 if the result is not sorted.
 */
#include <stdio.h>
#include <stdlib.h>

static void quicksort(int *a, int lo, int hi)
{
    while (lo < hi) {
        int pivot = a[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                j--;
            }
        }
        /* Recurse into the smaller half, loop on the larger: O(log n) stack. */
        if (j - lo < hi - i) {
            quicksort(a, lo, j);
            lo = i;
        } else {
            quicksort(a, i, hi);
            hi = j;
        }
    }
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 50000;
    int *a = malloc(sizeof(int) * (n > 0 ? n : 1));
    unsigned int seed = 12345;
    int i;
    for (i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        a[i] = (int)(seed >> 1) - (1 << 30);
    }
    quicksort(a, 0, n - 1);
    unsigned int sum = 0;
    int sorted = 1;
    for (i = 0; i < n; i++) {
        sum += (unsigned int)a[i] * (unsigned int)(i + 1);
        if (i > 0 && a[i - 1] > a[i])
            sorted = 0;
    }
    free(a);
    long log2n = 0;
    while ((1L << log2n) < n)
        log2n++;
    printf("checksum: %ld\n", sorted ? (long)sum : -1L);
    printf("work: %ld\n", (long)n * (log2n > 0 ? log2n : 1));
    return 0;
}
