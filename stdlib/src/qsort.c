/* qsort and bsearch.
 *
 * qsort is glibc's stable merge sort (msort.c): top-down, left half first,
 * ties taken from the left, so that equal elements keep their order and
 * even the sequence of comparator calls is the same as under gcc+glibc.
 * Without memory for the scratch copy it falls back to an insertion sort. */
#include <stdlib.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);

static void copy_elem(char *dst, const char *src, size_t size)
{
    if (size == 8)
        *(long *)dst = *(const long *)src;
    else if (size == 4)
        *(int *)dst = *(const int *)src;
    else
        memcpy(dst, src, size);
}

static void msort(char *b, size_t n, size_t size, cmp_fn cmp, char *tmp)
{
    size_t n1, n2;
    char *b1, *b2, *out;

    if (n <= 1)
        return;
    n1 = n / 2;
    n2 = n - n1;
    b1 = b;
    b2 = b + n1 * size;
    msort(b1, n1, size, cmp, tmp);
    msort(b2, n2, size, cmp, tmp);

    out = tmp;
    while (n1 > 0 && n2 > 0) {
        if (cmp(b1, b2) <= 0) {
            copy_elem(out, b1, size);
            b1 += size;
            n1--;
        } else {
            copy_elem(out, b2, size);
            b2 += size;
            n2--;
        }
        out += size;
    }
    if (n1 > 0)
        memcpy(out, b1, n1 * size);
    memcpy(b, tmp, (n - n2) * size);
}

static void insertion_sort(char *b, size_t n, size_t size, cmp_fn cmp)
{
    size_t i, j, k;
    char t;
    for (i = 1; i < n; i++)
        for (j = i; j > 0 && cmp(b + (j - 1) * size, b + j * size) > 0; j--)
            for (k = 0; k < size; k++) {
                t = b[(j - 1) * size + k];
                b[(j - 1) * size + k] = b[j * size + k];
                b[j * size + k] = t;
            }
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    char small[1024];
    char *tmp;

    if (n <= 1 || size == 0)
        return;
    if (n * size <= sizeof small) {
        msort(base, n, size, cmp, small);
        return;
    }
    tmp = malloc(n * size);
    if (!tmp) {
        insertion_sort(base, n, size, cmp);
        return;
    }
    msort(base, n, size, cmp, tmp);
    free(tmp);
}

void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
    size_t lo = 0, hi = n, mid;
    const char *p;
    int c;
    while (lo < hi) {
        mid = (lo + hi) / 2;
        p = (const char *)base + mid * size;
        c = cmp(key, p);
        if (c < 0)
            hi = mid;
        else if (c > 0)
            lo = mid + 1;
        else
            return (void *)p;
    }
    return NULL;
}
