/* A three-dimensional array. */
#include <stdio.h>

int main(void) {
    int cube[2][3][4];
    int i, j, k, n = 0;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++)
            for (k = 0; k < 4; k++)
                cube[i][j][k] = n++;
    printf("%d %d %d\n", cube[0][0][0], cube[1][2][3], cube[1][0][2]);
    printf("%d %d %d\n", (int)sizeof cube, (int)sizeof cube[0], (int)sizeof cube[0][0]);
    long sum = 0;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++)
            for (k = 0; k < 4; k++)
                sum += cube[i][j][k] * (k + 1);
    printf("%ld\n", sum);
    return 0;
}
