/* Naive doubly-recursive Fibonacci. */
#include <stdio.h>

static int fib(int n) {
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

int main(void) {
    int i;
    for (i = 0; i < 20; i++)
        printf("%d ", fib(i));
    printf("\n");
    return 0;
}
