/* The five arithmetic operators on int. */
#include <stdio.h>

int main(void) {
    int a = 17, b = 5;
    printf("%d %d %d %d %d\n", a + b, a - b, a * b, a / b, a % b);
    printf("%d %d\n", b - a, -a * b);
    printf("%d\n", a * b + a / b - a % b);
    printf("%d\n", (a + b) * (a - b));
    int big = 46340;
    printf("%d\n", big * big);
    return (a + b) % 7;
}
