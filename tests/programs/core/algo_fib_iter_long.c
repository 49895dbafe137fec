/* Iterative Fibonacci up to fib(92), the largest that fits in a long. */
#include <stdio.h>

int main(void) {
    long a = 0, b = 1;
    int i;
    for (i = 0; i < 91; i++) {
        long t = a + b;
        a = b;
        b = t;
        if (i % 15 == 0)
            printf("fib(%d) = %ld\n", i + 1, a);
    }
    printf("fib(92) = %ld\n", b);
    unsigned long ua = 0, ub = 1;
    for (i = 0; i < 100; i++) {
        unsigned long t = ua + ub;
        ua = ub;
        ub = t;
    }
    printf("fib(100) mod 2^64 = %lu\n", ua);
    return 0;
}
