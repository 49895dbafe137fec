/* A static local array persists across calls. */
#include <stdio.h>

static int remember(int v) {
    static int seen[8];
    static int n;
    int i, sum = 0;
    seen[n % 8] = v;
    n++;
    for (i = 0; i < 8; i++)
        sum += seen[i];
    return sum;
}

int main(void) {
    int i;
    for (i = 1; i <= 12; i++)
        printf("%d ", remember(i));
    printf("\n");
    return 0;
}
