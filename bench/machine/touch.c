/* Touch N fresh heap pages, one byte each: under examples/machine/loader.c
 * each touch is a page fault the kernel serves by mapping a frame
 * (bench/paging_costs.py).  Prints the sum so nothing is optimised away. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000;
    char *p = malloc(n * 4096 + 4096);
    long sum = 0;
    for (long i = 0; i < n; i++) {
        p[i * 4096] = (char)i;
        sum += p[i * 4096];
    }
    printf("%ld\n", sum);
    return 0;
}
