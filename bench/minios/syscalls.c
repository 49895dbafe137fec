/* N getpid() system calls (bench/minios_costs.py). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000, sum = 0;
    for (long i = 0; i < n; i++)
        sum += getpid();
    printf("%ld\n", sum);
    return 0;
}
