/* recsort.c: a merge sort of an array of records through a comparison
 * function pointer, as a program calls a library sort, a benchmark of
 * indirect calls, struct copies and field loads of several widths.
 *
 * Size: n (argv[1], default 8000): records {key, group, flags, id, weight}
 * from a 32-bit LCG, with many equal keys, made and sorted in chunks of up
 * to 65536 (as an external sort forms its runs; 1.5 MB of records).  Each
 * chunk is sorted twice with the same stable merge sort, by key and then
 * by group (another comparator), so that it ends up ordered by (group,
 * key, id).
 * Unit of work: m * log2(m) per sort of m records (log2 rounded up), two
 * sorts per chunk: 2 n log2 n up to n = 65536.
 * Prints "checksum: <position-weighted sum of the ids, mod 2^32, plus the
 * weights' alternating sum * 2^32>" (-1 if the order is wrong) and "work:".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 65536

struct rec {
    int key;
    short group;
    short flags;
    unsigned int id;
    long weight;
};

typedef int (*cmp_fn)(const struct rec *, const struct rec *);

static int by_key(const struct rec *a, const struct rec *b)
{
    return (a->key > b->key) - (a->key < b->key);
}

static int by_group(const struct rec *a, const struct rec *b)
{
    return a->group - b->group;
}

/* Sorts a[0..n) stably, with tmp (room for n / 2 records) as scratch:
 * top-down merge sort, insertion sort below 12 records. */
static void merge_sort(struct rec *a, struct rec *tmp, int n, cmp_fn cmp)
{
    if (n <= 12) {
        for (int i = 1; i < n; i++) {
            struct rec r = a[i];
            int j = i - 1;
            while (j >= 0 && cmp(&a[j], &r) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = r;
        }
        return;
    }
    int half = n / 2;
    merge_sort(a, tmp, half, cmp);
    merge_sort(a + half, tmp, n - half, cmp);
    if (cmp(&a[half - 1], &a[half]) <= 0)
        return;                                 /* the halves are already in order */
    memcpy(tmp, a, half * sizeof(struct rec));
    struct rec *l = tmp, *lend = tmp + half, *r = a + half, *rend = a + n, *out = a;
    while (l < lend && r < rend) {
        if (cmp(r, l) < 0)
            *out++ = *r++;
        else
            *out++ = *l++;
    }
    while (l < lend)                            /* what is left of r is in place */
        *out++ = *l++;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 8000;
    int cap = n < CHUNK ? (n > 2 ? n : 2) : CHUNK;
    struct rec *a = malloc(sizeof(struct rec) * cap);
    struct rec *tmp = malloc(sizeof(struct rec) * (cap / 2 + 1));
    unsigned int seed = 2024, sum = 0;
    long wsum = 0, work = 0;
    int ok = 1;
    for (int start = 0; start < n; start += CHUNK) {
        int m = n - start < CHUNK ? n - start : CHUNK;
        for (int i = 0; i < m; i++) {
            seed = seed * 1664525u + 1013904223u;
            a[i].key = (int)(seed >> 1) % (m / 4 + 1);
            seed = seed * 1664525u + 1013904223u;
            a[i].group = (short)(seed >> 28);
            a[i].flags = (short)(i & 7);
            a[i].id = (unsigned int)(start + i);
            a[i].weight = (long)(seed & 0xffff) - 30000;
        }
        merge_sort(a, tmp, m, by_key);
        merge_sort(a, tmp, m, by_group);
        for (int i = 0; i < m; i++) {
            sum += a[i].id * (unsigned int)(start + i + 1);
            wsum += (i & 1) ? a[i].weight : -a[i].weight;
            if (i > 0) {
                const struct rec *p = &a[i - 1], *q = &a[i];
                if (p->group > q->group ||
                    (p->group == q->group && (p->key > q->key ||
                                              (p->key == q->key && p->id >= q->id))))
                    ok = 0;
            }
        }
        long log2m = 1;
        while ((1L << log2m) < m)
            log2m++;
        work += 2 * (long)m * log2m;
    }
    free(tmp);
    free(a);
    printf("checksum: %ld\n", ok ? wsum * 4294967296L + (long)sum : -1L);
    printf("work: %ld\n", work);
    return 0;
}
