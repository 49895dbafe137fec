/* The comma operator evaluates left to right and yields the right operand. */
#include <stdio.h>

int main(void) {
    int a, b;
    int x = (a = 3, b = 4, a + b);
    printf("%d %d %d\n", a, b, x);
    int i, j;
    for (i = 0, j = 10; i < j; i++, j--)
        ;
    printf("%d %d\n", i, j);
    int k = 0;
    int r = (k++, k++, k);
    printf("%d %d\n", r, k);
    printf("%d\n", (k--, k--, k));
    return (a++, b);
}
