/* matmul_int.c: n x n integer matrix multiplication, a benchmark of nested
 * loops, 2-D indexing and 32-bit multiply-adds.
 *
 * Size: n (argv[1], default 80); C = A * B with small generated entries.
 * Unit of work: one multiply-add: n^3.
 * Prints "checksum: <trace(C) * 2^32 + (sum of C's entries mod 2^32)>" and
 * "work: <n^3>".
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 80;
    int *a = malloc(sizeof(int) * n * n);
    int *b = malloc(sizeof(int) * n * n);
    int *c = malloc(sizeof(int) * n * n);
    int i, j, k;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            a[i * n + j] = (i * 7 + j * 3) % 19 - 9;
            b[i * n + j] = (i * 5 + j * 11) % 23 - 11;
        }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            int s = 0;
            for (k = 0; k < n; k++)
                s += a[i * n + k] * b[k * n + j];
            c[i * n + j] = s;
        }
    unsigned int sum = 0;
    long trace = 0;
    for (i = 0; i < n; i++) {
        trace += c[i * n + i];
        for (j = 0; j < n; j++)
            sum += (unsigned int)c[i * n + j];
    }
    free(a);
    free(b);
    free(c);
    printf("checksum: %ld\n", trace * 4294967296L + (long)sum);
    printf("work: %ld\n", (long)n * n * n);
    return 0;
}
