/* mandelbrot.c: the Mandelbrot set on an n x n grid over [-1.5, 0.5] x
 * [-1, 1], as in the Computer Language Benchmarks Game, a benchmark of
 * double arithmetic in a tight loop with a data-dependent exit.
 *
 * Size: n (argv[1], default 120); each point is iterated up to 50 times.
 * Unit of work: one grid point: n^2 (the iterations actually done are
 * printed too).
 * Prints "checksum: <points inside * 2^32 + hash of the bitmap>",
 * "work: <n^2>" and "iterations: <total iterations>".
 */
#include <stdio.h>
#include <stdlib.h>

#define MAX_ITER 50

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 120;
    long inside = 0, iterations = 0;
    unsigned int hash = 2166136261u;
    int x, y;
    for (y = 0; y < n; y++) {
        double ci = 2.0 * y / n - 1.0;
        unsigned int bits = 0;
        for (x = 0; x < n; x++) {
            double cr = 2.0 * x / n - 1.5;
            double zr = 0, zi = 0, tr = 0, ti = 0;
            int i = 0;
            while (i < MAX_ITER && tr + ti <= 4.0) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
                i++;
            }
            iterations += i;
            bits = bits << 1 | (tr + ti <= 4.0);
            if ((x & 31) == 31 || x == n - 1) {
                hash = (hash ^ bits) * 16777619u;
                bits = 0;
            }
            inside += tr + ti <= 4.0;
        }
    }
    printf("checksum: %ld\n", inside * 4294967296L + hash);
    printf("work: %ld\n", (long)n * n);
    printf("iterations: %ld\n", iterations);
    return 0;
}
