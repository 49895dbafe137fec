/* kmeans.c: k-means clustering (Lloyd's algorithm) of 2-D points, a
 * benchmark of double arithmetic on arrays of structs, compares of doubles
 * and integer/double conversions.
 *
 * Size: n (argv[1], default 4): iterations.  4096 points lie in 16 blobs
 * (sums of LCG values, integer coordinates, so every sum is exact).  Each
 * iteration assigns every point to its nearest of 16 centroids (the first
 * of equals), then moves each centroid to the mean of its points; every 4
 * iterations a round ends and the centroids restart at 16 points picked by
 * the round's number.
 * Unit of work: one point-to-centroid distance: n * 4096 * 16.
 * Prints "checksum: <sum over iterations of the centroids' coordinates * 16
 * (truncated) and sizes, and over rounds of the points' rounded distances
 * to their centroids and their assignments>" and "work:".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define NPOINTS 4096
#define K 16
#define ITERS 4

struct point {
    double x, y;
    int cluster;
};

struct centroid {
    double x, y;
    double sx, sy;
    int count;
};

static struct point points[NPOINTS];
static struct centroid cent[K];

static unsigned int seed = 99;

static int next(void)
{
    seed = seed * 1664525u + 1013904223u;
    return (int)(seed >> 20);                   /* 0 .. 4095 */
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 4;
    for (int i = 0; i < NPOINTS; i++) {
        int blob = next() & (K - 1);
        struct point *p = &points[i];
        p->x = (blob & 3) * 5000 + (next() + next() + next() + next()) / 2;
        p->y = (blob >> 2) * 5000 + (next() + next() + next() + next()) / 2;
        p->cluster = -1;
    }
    long checksum = 0, work = 0;
    for (int it = 0; it < n; it++) {
        if (it % ITERS == 0) {
            int round = it / ITERS;
            for (int c = 0; c < K; c++) {
                const struct point *p = &points[(round * 37 + c * 251) % NPOINTS];
                cent[c].x = p->x;
                cent[c].y = p->y;
            }
        }
        for (int c = 0; c < K; c++) {
            cent[c].sx = cent[c].sy = 0;
            cent[c].count = 0;
        }
        for (int i = 0; i < NPOINTS; i++) {
            struct point *p = &points[i];
            double best = 1e300;
            int bi = 0;
            for (int c = 0; c < K; c++) {
                double dx = p->x - cent[c].x, dy = p->y - cent[c].y;
                double d = dx * dx + dy * dy;
                if (d < best) {
                    best = d;
                    bi = c;
                }
            }
            p->cluster = bi;
            cent[bi].sx += p->x;
            cent[bi].sy += p->y;
            cent[bi].count++;
        }
        work += (long)NPOINTS * K;
        for (int c = 0; c < K; c++) {
            if (cent[c].count) {
                cent[c].x = cent[c].sx / cent[c].count;
                cent[c].y = cent[c].sy / cent[c].count;
            }
            checksum += (long)(cent[c].x * 16) * (c + 1) + (long)(cent[c].y * 16) + cent[c].count;
        }
        if (it % ITERS == ITERS - 1 || it == n - 1) {
            for (int i = 0; i < NPOINTS; i++) {
                const struct point *p = &points[i];
                const struct centroid *c = &cent[p->cluster];
                double dx = p->x - c->x, dy = p->y - c->y;
                checksum += (long)sqrt(dx * dx + dy * dy) + p->cluster * (i & 7);
            }
        }
    }
    printf("checksum: %ld\n", checksum);
    printf("work: %ld\n", work);
    return 0;
}
