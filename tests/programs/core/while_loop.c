/* while loops: condition tested before each pass, possibly never. */
#include <stdio.h>

int main(void) {
    int n = 27, steps = 0;
    while (n != 1) {
        n = n % 2 ? 3 * n + 1 : n / 2;
        steps++;
    }
    printf("%d\n", steps);
    int k = 10;
    while (k < 5)
        k = 100;
    printf("%d\n", k);
    unsigned int bits = 0xb6u, ones = 0;
    while (bits) {
        ones += bits & 1;
        bits >>= 1;
    }
    printf("%u\n", ones);
    return 0;
}
