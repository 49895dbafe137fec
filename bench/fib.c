/* fib.c: naive doubly-recursive Fibonacci, a benchmark of calls and returns.
 *
 * Size: n (argv[1], default 25); computes fib(n) the slow way.
 * Unit of work: one call of fib().  fib(n) makes 2*fib(n+1) - 1 calls.
 * Prints "checksum: fib(n)" and "work: <calls>".
 */
#include <stdio.h>
#include <stdlib.h>

static int fib(int n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 25;
    long a = 0, b = 1, i;
    for (i = 0; i < n + 1; i++) {      /* b becomes fib(n + 2), a fib(n + 1) */
        long t = a + b;
        a = b;
        b = t;
    }
    printf("checksum: %d\n", fib(n));
    printf("work: %ld\n", 2 * a - 1);
    return 0;
}
