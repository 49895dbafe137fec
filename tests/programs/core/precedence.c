/* Operator precedence, in the combinations gcc accepts without -Wparentheses. */
#include <stdio.h>

int main(void) {
    int a = 2, b = 3, c = 4;
    printf("%d\n", a + b * c);
    printf("%d\n", a * b + c);
    printf("%d\n", a * b % c);
    printf("%d\n", -a * -b);
    printf("%d\n", !a + 1);
    printf("%d\n", !a == 0);
    printf("%d\n", ~a & 0xff);
    printf("%d\n", a - b - c);
    printf("%d\n", 100 / 10 / 5);
    printf("%d\n", 1 << 3 < 9);
    printf("%d\n", a < b + 1);
    printf("%d\n", a + 1 < b * 2);
    printf("%d\n", a == b - 1);
    printf("%d\n", a >> 1 == 1);
    printf("%d\n", a << 1 >> 1);
    printf("%d\n", a - b < 0 && c > 3);
    printf("%d\n", a == 2 && b == 3);
    printf("%d\n", -a < b);
    printf("%d\n", a == 2 ? b : c);
    printf("%d\n", a & b & c);
    printf("%d\n", a | b | c);
    printf("%d\n", a ^ b ^ c);
    int x = 5;
    int y = x > 3 ? x & 1 ? 10 : 20 : 30;
    printf("%d\n", y);
    int z;
    z = x += 2;
    printf("%d %d\n", x, z);
    int arr[3];
    arr[0] = 10; arr[1] = 20; arr[2] = 30;
    int *p = arr;
    printf("%d\n", *p + 1);
    printf("%d\n", *(p + 1));
    printf("%d\n", -arr[2]);
    printf("%d\n", (int)sizeof arr[0] * 2);
    return 0;
}
