/* Left associativity of binary operators, right associativity of assignment. */
#include <stdio.h>

int main(void) {
    printf("%d\n", 20 - 5 - 3);
    printf("%d\n", 64 / 4 / 2);
    printf("%d\n", 100 % 7 % 3);
    printf("%d\n", 1 << 2 << 3);
    printf("%d\n", 256 >> 2 >> 1);
    int a, b, c;
    a = b = c = 7;
    printf("%d %d %d\n", a, b, c);
    a += b -= c *= 2;
    printf("%d %d %d\n", a, b, c);
    return 0;
}
