/* 50! computed exactly with an array of decimal digits. */
#include <stdio.h>

int main(void) {
    int digits[100];
    int len = 1, i, n;
    digits[0] = 1;
    for (n = 2; n <= 50; n++) {
        int carry = 0;
        for (i = 0; i < len; i++) {
            int v = digits[i] * n + carry;
            digits[i] = v % 10;
            carry = v / 10;
        }
        while (carry) {
            digits[len++] = carry % 10;
            carry /= 10;
        }
    }
    for (i = len - 1; i >= 0; i--)
        putchar('0' + digits[i]);
    printf("\n%d\n", len);
    return 0;
}
