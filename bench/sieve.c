/* sieve.c: the sieve of Eratosthenes, a benchmark of byte loads and stores.
 *
 * Size: n (argv[1], default 100000); sieves 2..n ten times over (the array
 * is cleared each round) and counts the primes.
 * Unit of work: one array element per round: n * 10 elements.
 * Prints "checksum: <primes counted over all rounds * 1000003 + largest prime>"
 * and "work: <elements>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUNDS 10

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    char *composite = malloc(n + 1);
    long total = 0;
    int round, i, j, largest = 0;
    for (round = 0; round < ROUNDS; round++) {
        memset(composite, 0, n + 1);
        for (i = 2; (long)i * i <= n; i++)
            if (!composite[i])
                for (j = i * i; j <= n; j += i)
                    composite[j] = 1;
        for (i = 2; i <= n; i++)
            if (!composite[i]) {
                total++;
                largest = i;
            }
    }
    free(composite);
    printf("checksum: %ld\n", total * 1000003L + largest);
    printf("work: %ld\n", (long)n * ROUNDS);
    return 0;
}
