/* break and continue in nested loops affect only the inner loop. */
#include <stdio.h>

int main(void) {
    int i, j, count = 0;
    for (i = 0; i < 5; i++) {
        for (j = 0; j < 5; j++) {
            if (j > i)
                break;
            if ((i + j) % 2)
                continue;
            count++;
        }
    }
    printf("%d\n", count);
    int found_i = -1, found_j = -1;
    for (i = 1; i < 10 && found_i < 0; i++)
        for (j = 1; j < 10; j++)
            if (i * j == 42) {
                found_i = i;
                found_j = j;
                break;
            }
    printf("%d %d\n", found_i, found_j);
    return 0;
}
