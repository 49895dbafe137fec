/* The longest Collatz chain below 3000, in 64-bit arithmetic. */
#include <stdio.h>

static int chain(long n) {
    int len = 1;
    while (n != 1) {
        n = (n & 1) ? 3 * n + 1 : n >> 1;
        len++;
    }
    return len;
}

int main(void) {
    int best = 0, best_n = 0, n;
    for (n = 1; n < 3000; n++) {
        int c = chain(n);
        if (c > best) {
            best = c;
            best_n = n;
        }
    }
    printf("%d %d\n", best_n, best);
    return 0;
}
