/* Comparison and logical results are int 0 or 1 and can be used as numbers. */
#include <stdio.h>

int main(void) {
    int a = 10, b = 20;
    int sum = (a < b) + (a > b) + (a == 10) + (b != 20);
    printf("%d\n", sum);
    int count = 0;
    int i;
    for (i = 0; i < 100; i++)
        count += (i % 3 == 0) + (i % 5 == 0);
    printf("%d\n", count);
    printf("%d\n", (int)sizeof(a < b));
    printf("%d\n", (a < b) * 42);
    printf("%d\n", -(a < b));
    return (a < b) + 1;
}
