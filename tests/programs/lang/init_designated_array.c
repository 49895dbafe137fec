/* Designated array initializers: [index] = value, in any order. */
#include <stdio.h>

int main(void) {
    int a[8] = {[3] = 30, [1] = 10, [6] = 60};
    int b[] = {[4] = 4, 5, 6};
    const char *names[4] = {[2] = "two", [0] = "zero"};
    int i;
    for (i = 0; i < 8; i++)
        printf("%d ", a[i]);
    printf("\n%d %d %d\n", (int)(sizeof b / sizeof b[0]), b[5], b[6]);
    printf("%s %s %d\n", names[0], names[2], names[1] == 0);
    return 0;
}
