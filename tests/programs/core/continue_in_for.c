/* continue in a for loop still runs the increment clause. */
#include <stdio.h>

int main(void) {
    int i, steps = 0;
    for (i = 0; i < 10; i += 2) {
        steps++;
        if (i == 4)
            continue;
        printf("%d ", i);
    }
    printf("\n%d %d\n", i, steps);
    int k, skipped = 0;
    for (k = 0; k < 100; k++) {
        if (k % 10)
            continue;
        skipped++;
    }
    printf("%d\n", skipped);
    return 0;
}
