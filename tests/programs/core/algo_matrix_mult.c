/* Integer matrix multiplication with 2-D arrays. */
#include <stdio.h>

#define N 6

int main(void) {
    int a[N][N], b[N][N], c[N][N];
    int i, j, k;
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++) {
            a[i][j] = i + j;
            b[i][j] = i == j ? 2 : (i - j);
        }
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++) {
            int s = 0;
            for (k = 0; k < N; k++)
                s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
    for (i = 0; i < N; i++) {
        for (j = 0; j < N; j++)
            printf("%5d", c[i][j]);
        printf("\n");
    }
    return 0;
}
