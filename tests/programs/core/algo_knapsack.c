/* 0/1 knapsack by dynamic programming over a 1-D table. */
#include <stdio.h>

int main(void) {
    int weight[8], value[8];
    int best[51];
    int i, w;
    for (i = 0; i < 8; i++) {
        weight[i] = 3 + (i * 7) % 11;
        value[i] = 10 + (i * 13) % 17;
    }
    for (w = 0; w <= 50; w++)
        best[w] = 0;
    for (i = 0; i < 8; i++)
        for (w = 50; w >= weight[i]; w--)
            if (best[w - weight[i]] + value[i] > best[w])
                best[w] = best[w - weight[i]] + value[i];
    printf("%d %d %d\n", best[10], best[25], best[50]);
    return 0;
}
