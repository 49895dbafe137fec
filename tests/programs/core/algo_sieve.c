/* Sieve of Eratosthenes in a char array. */
#include <stdio.h>
#include <string.h>

#define N 5000

int main(void) {
    char composite[N + 1];
    int i, j, count = 0, last = 0;
    memset(composite, 0, sizeof composite);
    for (i = 2; i * i <= N; i++)
        if (!composite[i])
            for (j = i * i; j <= N; j += i)
                composite[j] = 1;
    for (i = 2; i <= N; i++)
        if (!composite[i]) {
            count++;
            last = i;
        }
    printf("%d %d\n", count, last);
    return 0;
}
