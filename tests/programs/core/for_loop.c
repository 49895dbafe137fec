/* for loops counting up, down and by steps. */
#include <stdio.h>

int main(void) {
    int i;
    for (i = 0; i < 5; i++)
        printf("%d ", i);
    printf("\n");
    for (i = 10; i > 0; i -= 3)
        printf("%d ", i);
    printf("\n");
    long p = 1;
    for (i = 1; i <= 20; i++)
        p *= 2;
    printf("%ld\n", p);
    int sum = 0;
    for (i = 1; i <= 100; i++)
        sum += i;
    printf("%d\n", sum);
    return 0;
}
