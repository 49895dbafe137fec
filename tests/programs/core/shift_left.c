/* Left shifts at int and long width. */
#include <stdio.h>

int main(void) {
    int i;
    for (i = 0; i < 31; i += 5)
        printf("%d ", 1 << i);
    printf("\n");
    unsigned int u = 1;
    printf("%u\n", u << 31);
    printf("%u\n", 0xffffffffu << 4);
    long l = 1;
    printf("%ld\n", l << 40);
    printf("%lu\n", 3ul << 62);
    int n = 3;
    printf("%d\n", 5 << n);
    printf("%ld\n", 5L << (n * 10));
    return 0;
}
