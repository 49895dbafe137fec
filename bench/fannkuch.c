/* fannkuch.c: fannkuch-redux from the Computer Language Benchmarks Game:
 * for every permutation of 1..n, count the pancake flips until 1 comes
 * first, a benchmark of small-array shuffling and branches.
 *
 * Size: n (argv[1], default 7, at most 12).
 * Unit of work: one permutation: n!.
 * Prints "checksum: <the alternating checksum * 1000 + maximum flips>"
 * and "work: <n!>".
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 7;
    int perm[16], perm1[16], count[16];
    int i, r, max_flips = 0, sign = 1;
    long checksum = 0, permutations = 0;
    if (n < 1 || n > 12) {
        printf("size must be 1..12\n");
        return 2;
    }
    for (i = 0; i < n; i++)
        perm1[i] = i;
    r = n;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (i = 0; i < n; i++)
            perm[i] = perm1[i];
        int flips = 0, k;
        while ((k = perm[0]) != 0) {
            int lo = 0, hi = k;
            while (lo < hi) {
                int t = perm[lo];
                perm[lo++] = perm[hi];
                perm[hi--] = t;
            }
            flips++;
        }
        if (flips > max_flips)
            max_flips = flips;
        checksum += sign * flips;
        sign = -sign;
        permutations++;
        for (;;) {
            if (r == n) {
                printf("checksum: %ld\n", checksum * 1000 + max_flips);
                printf("work: %ld\n", permutations);
                return 0;
            }
            int first = perm1[0];
            for (i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = first;
            if (--count[r] > 0)
                break;
            r++;
        }
    }
}
