/* Counting down with an unsigned counter must stop before it wraps. */
#include <stdio.h>

int main(void) {
    unsigned int i;
    for (i = 5; i > 0; i--)
        printf("%u ", i);
    printf("\n");
    unsigned int n = 4;
    while (n--)
        printf("%u ", n);
    printf("\n%u\n", n);
    unsigned char c = 3;
    while (c-- > 0)
        printf("%d ", c);
    printf("\n%d\n", c);
    return 0;
}
