/* Passing a 2-D array to a function taking int (*)[N] / int m[][N]. */
#include <stdio.h>

static int trace(int m[][3], int n) {
    int i, t = 0;
    for (i = 0; i < n; i++)
        t += m[i][i];
    return t;
}

static void transpose(int (*m)[3]) {
    int i, j;
    for (i = 0; i < 3; i++)
        for (j = i + 1; j < 3; j++) {
            int t = m[i][j];
            m[i][j] = m[j][i];
            m[j][i] = t;
        }
}

int main(void) {
    int m[3][3];
    int i, j;
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
            m[i][j] = i * 3 + j;
    printf("%d\n", trace(m, 3));
    transpose(m);
    for (i = 0; i < 3; i++)
        printf("%d %d %d\n", m[i][0], m[i][1], m[i][2]);
    return 0;
}
