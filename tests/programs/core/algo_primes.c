/* Trial-division primes below 200 and a count below 10000. */
#include <stdio.h>

static int is_prime(int n) {
    int d;
    if (n < 2)
        return 0;
    for (d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

int main(void) {
    int n, count = 0;
    for (n = 0; n < 200; n++)
        if (is_prime(n))
            printf("%d ", n);
    printf("\n");
    for (n = 0; n < 10000; n++)
        count += is_prime(n);
    printf("%d\n", count);
    return count % 256;
}
