/* matmul.c: n x n double-precision matrix multiplication, a benchmark of
 * floating multiply-adds and 2-D indexing.
 *
 * Size: n (argv[1], default 60).  The entries are small multiples of 1/8,
 * so every product and partial sum is exact and the result does not depend
 * on the order of additions (or on fused multiply-adds).
 * Unit of work: one multiply-add: n^3.
 * Prints "checksum: <sum over i of 8 * C[i] * (i % 1000 + 1)>" (an exact
 * integer, since 8 * C[i] is one) and "work: <n^3>".
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 60;
    double *a = malloc(sizeof(double) * n * n);
    double *b = malloc(sizeof(double) * n * n);
    double *c = malloc(sizeof(double) * n * n);
    int i, j, k;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            a[i * n + j] = ((i * 3 + j) % 13 - 6) * 0.5;
            b[i * n + j] = ((i + j * 5) % 11 - 5) * 0.25;
        }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double s = 0;
            for (k = 0; k < n; k++)
                s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
    long sum = 0;
    for (i = 0; i < n * n; i++)
        sum += (long)(c[i] * 8) * (i % 1000 + 1);
    free(a);
    free(b);
    free(c);
    printf("checksum: %ld\n", sum);
    printf("work: %ld\n", (long)n * n * n);
    return 0;
}
