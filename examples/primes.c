/* primes.c: the primes up to a limit, by the sieve of Eratosthenes, with the
 * limit from the command line (default 100).
 *
 *   pvm run examples/primes.c
 *   pvm run examples/primes.c 1000
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int limit = argc > 1 ? atoi(argv[1]) : 100;
    if (limit < 2) {
        printf("no primes below 2\n");
        return 1;
    }
    char *composite = calloc(limit + 1, 1);
    int i, j, count = 0;
    for (i = 2; i <= limit; i++) {
        if (composite[i])
            continue;
        count++;
        printf(count % 10 == 1 ? "%d" : " %d", i);
        if (count % 10 == 0)
            printf("\n");
        for (j = 2 * i; j <= limit; j += i)
            composite[j] = 1;
    }
    if (count % 10 != 0)
        printf("\n");
    printf("%d primes up to %d\n", count, limit);
    free(composite);
    return 0;
}
