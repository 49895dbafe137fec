/* malloc/calloc/realloc/free in patterns a program uses: contents survive
 * realloc, calloc zeroes, alignment holds, freed memory is reused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    int i, j, ok = 1;
    char *blocks[200];
    long *v = NULL;
    unsigned long sum = 0;
    int *z;

    for (i = 0; i < 200; i++) {
        blocks[i] = malloc((size_t)(i * 37 % 500 + 1));
        if (((unsigned long)blocks[i] & 15) != 0)
            ok = 0;
        memset(blocks[i], i & 0xFF, (size_t)(i * 37 % 500 + 1));
    }
    for (i = 0; i < 200; i += 2)
        free(blocks[i]);
    for (i = 0; i < 200; i += 2) {
        blocks[i] = malloc((size_t)(i * 53 % 700 + 1));
        memset(blocks[i], i & 0xFF, (size_t)(i * 53 % 700 + 1));
    }
    for (i = 0; i < 200; i++) {
        size_t n = (size_t)(i % 2 ? i * 37 % 500 + 1 : i * 53 % 700 + 1);
        for (j = 0; j < (int)n; j++)
            if (blocks[i][j] != (char)(i & 0xFF))
                ok = 0;
        free(blocks[i]);
    }
    printf("blocks ok %d\n", ok);
    for (i = 0; i < 5000; i++) {
        v = realloc(v, sizeof *v * (size_t)(i + 1));
        v[i] = i * 3;
    }
    for (i = 0; i < 5000; i++)
        sum += (unsigned long)v[i];
    printf("realloc growth sum %lu\n", sum);
    v = realloc(v, 10 * sizeof *v);
    printf("shrunk keeps %ld %ld\n", v[0], v[9]);
    free(v);
    z = calloc(1000, sizeof *z);
    for (i = 0, j = 0; i < 1000; i++)
        j |= z[i];
    printf("calloc zero %d\n", j == 0);
    free(z);
    printf("calloc overflow %p\n", calloc((size_t)-1, 16));
    printf("huge malloc %p\n", malloc((size_t)-1 / 2));
    free(NULL);
    printf("realloc(NULL) %d\n", (z = realloc(NULL, 10)) != NULL);
    free(z);
    return 0;
}
