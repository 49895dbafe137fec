/* A pointer to an array row steps a whole row at a time. */
#include <stdio.h>

int main(void) {
    int grid[4][5];
    int i, j;
    for (i = 0; i < 4; i++)
        for (j = 0; j < 5; j++)
            grid[i][j] = i * 100 + j;
    int (*row)[5] = grid;
    printf("%d\n", row[2][3]);
    row++;
    printf("%d\n", (*row)[4]);
    printf("%d\n", (int)sizeof(*row));
    printf("%ld\n", (long)((char *)(row + 1) - (char *)row));
    int *cell = *(grid + 3) + 1;
    printf("%d\n", *cell);
    return 0;
}
