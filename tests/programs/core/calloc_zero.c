/* calloc returns zeroed memory, even when reusing freed blocks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    unsigned char *dirty = malloc(256);
    memset(dirty, 0xab, 256);
    free(dirty);
    int *z = calloc(64, sizeof(int));
    int i, nonzero = 0;
    for (i = 0; i < 64; i++)
        if (z[i])
            nonzero++;
    printf("%d\n", nonzero);
    long *l = calloc(10, 8);
    l[9] = 5;
    printf("%ld %ld\n", l[0], l[9]);
    free(z);
    free(l);
    return 0;
}
