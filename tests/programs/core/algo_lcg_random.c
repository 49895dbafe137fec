/* A linear congruential generator and a histogram of its output. */
#include <stdio.h>

static unsigned long state = 42;

static unsigned int next_rand(void) {
    state = state * 6364136223846793005ul + 1442695040888963407ul;
    return (unsigned int)(state >> 33);
}

int main(void) {
    int buckets[8];
    int i;
    for (i = 0; i < 8; i++)
        buckets[i] = 0;
    for (i = 0; i < 4000; i++)
        buckets[next_rand() % 8]++;
    for (i = 0; i < 8; i++)
        printf("%d ", buckets[i]);
    printf("\n%u\n", next_rand());
    return 0;
}
