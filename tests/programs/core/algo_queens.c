/* Counting N-queens solutions by backtracking. */
#include <stdio.h>

static int cols[12];

static int safe(int row, int col) {
    int r;
    for (r = 0; r < row; r++) {
        int c = cols[r];
        if (c == col || c - col == r - row || c - col == row - r)
            return 0;
    }
    return 1;
}

static int solve(int row, int n) {
    int col, count = 0;
    if (row == n)
        return 1;
    for (col = 0; col < n; col++)
        if (safe(row, col)) {
            cols[row] = col;
            count += solve(row + 1, n);
        }
    return count;
}

int main(void) {
    int n;
    for (n = 1; n <= 8; n++)
        printf("%d:%d ", n, solve(0, n));
    printf("\n");
    return 0;
}
