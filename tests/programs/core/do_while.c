/* do/while runs its body at least once. */
#include <stdio.h>

int main(void) {
    int i = 100, runs = 0;
    do {
        runs++;
    } while (i < 10);
    printf("%d\n", runs);
    int n = 12345, digits = 0;
    do {
        digits++;
        n /= 10;
    } while (n);
    printf("%d\n", digits);
    n = 0;
    digits = 0;
    do
        digits++;
    while (n /= 10);
    printf("%d\n", digits);
    return 0;
}
