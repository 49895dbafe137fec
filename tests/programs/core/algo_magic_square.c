/* An odd-order magic square by the Siamese method, checked. */
#include <stdio.h>

#define N 5

int main(void) {
    int sq[N][N];
    int i, j, k;
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            sq[i][j] = 0;
    i = 0;
    j = N / 2;
    for (k = 1; k <= N * N; k++) {
        sq[i][j] = k;
        int ni = (i + N - 1) % N, nj = (j + 1) % N;
        if (sq[ni][nj]) {
            ni = (i + 1) % N;
            nj = j;
        }
        i = ni;
        j = nj;
    }
    int ok = 1, target = N * (N * N + 1) / 2;
    for (i = 0; i < N; i++) {
        int r = 0, c = 0;
        for (j = 0; j < N; j++) {
            r += sq[i][j];
            c += sq[j][i];
            printf("%3d", sq[i][j]);
        }
        printf("\n");
        if (r != target || c != target)
            ok = 0;
    }
    printf("%d %d\n", target, ok);
    return 0;
}
