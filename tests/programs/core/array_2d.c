/* A two-dimensional array is stored row by row. */
#include <stdio.h>

int main(void) {
    int m[3][4];
    int i, j;
    for (i = 0; i < 3; i++)
        for (j = 0; j < 4; j++)
            m[i][j] = i * 10 + j;
    for (i = 0; i < 3; i++) {
        for (j = 0; j < 4; j++)
            printf("%3d", m[i][j]);
        printf("\n");
    }
    int *flat = &m[0][0];
    printf("%d %d\n", flat[5], flat[11]);
    printf("%d\n", (int)sizeof(m) / (int)sizeof(m[0]));
    printf("%ld\n", (long)(&m[2][0] - &m[0][0]));
    return 0;
}
