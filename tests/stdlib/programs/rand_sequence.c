/* rand/srand produce glibc's exact sequences. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    unsigned seeds[] = {1, 0, 2, 42, 12345, 4294967295u, 2147483648u, 2147483647u, 127773u};
    unsigned s;
    int i;
    long sum = 0;

    for (i = 0; i < 10; i++)
        printf("%d ", rand());
    printf("\n");
    for (s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
        srand(seeds[s]);
        printf("seed %u:", seeds[s]);
        for (i = 0; i < 8; i++)
            printf(" %d", rand());
        printf("\n");
    }
    srand(7);
    for (i = 0; i < 100000; i++)
        sum += rand() % 1000;
    printf("sum %ld\n", sum);
    srandom(99);
    printf("%ld ", random());
    printf("%ld %d\n", random(), RAND_MAX);
    return 0;
}
