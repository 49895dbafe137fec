/* Many allocations of varying sizes, freed in a mixed order and reused. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char *blocks[200];
    int i, j;
    unsigned int seed = 12345;
    for (i = 0; i < 200; i++) {
        seed = seed * 1103515245u + 12345u;
        int size = 1 + (int)((seed >> 16) % 300);
        blocks[i] = malloc(size);
        for (j = 0; j < size; j++)
            blocks[i][j] = (char)(i + j);
        blocks[i][0] = (char)size;
    }
    for (i = 0; i < 200; i += 2)
        free(blocks[i]);
    for (i = 0; i < 200; i += 2)
        blocks[i] = malloc(16);
    long check = 0;
    for (i = 1; i < 200; i += 2)
        check += (unsigned char)blocks[i][0];
    printf("%ld\n", check);
    for (i = 0; i < 200; i++)
        free(blocks[i]);
    printf("done\n");
    return 0;
}
