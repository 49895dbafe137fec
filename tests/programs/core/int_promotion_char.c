/* char operands are promoted to int before arithmetic, so no 8-bit wrap. */
#include <stdio.h>

int main(void) {
    char a = 100, b = 100;
    int sum = a + b;
    printf("%d\n", sum);
    char c = a + b;
    printf("%d\n", c);
    printf("%d\n", (int)sizeof(a + b));
    printf("%d\n", (int)sizeof(a));
    char d = -128;
    printf("%d\n", -d);
    printf("%d\n", a * b);
    return 0;
}
