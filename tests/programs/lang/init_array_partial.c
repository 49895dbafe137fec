/* Brace initializers; missing elements are zero; size from the initializer. */
#include <stdio.h>

int main(void) {
    int a[5] = {1, 2};
    int b[] = {9, 8, 7, 6};
    long c[4] = {0};
    char d[6] = {'h', 'i'};
    int i;
    for (i = 0; i < 5; i++)
        printf("%d ", a[i]);
    printf("| %d %d", (int)(sizeof b / sizeof b[0]), b[3]);
    printf("| %ld %ld | %s %d\n", c[0], c[3], d, d[5]);
    return 0;
}
