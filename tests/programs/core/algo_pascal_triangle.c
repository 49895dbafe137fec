/* Pascal's triangle row by row in one array. */
#include <stdio.h>

int main(void) {
    long row[35];
    int n, k;
    row[0] = 1;
    for (n = 1; n < 35; n++) {
        row[n] = 1;
        for (k = n - 1; k > 0; k--)
            row[k] += row[k - 1];
        if (n < 8) {
            for (k = 0; k <= n; k++)
                printf("%ld ", row[k]);
            printf("\n");
        }
    }
    printf("%ld\n", row[17]);
    return 0;
}
