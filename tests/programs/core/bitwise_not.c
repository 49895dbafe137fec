/* Bitwise complement after promotion. */
#include <stdio.h>

int main(void) {
    int a = 0;
    printf("%d %d\n", ~a, ~~a);
    printf("%d\n", ~5);
    unsigned int u = 0;
    printf("%u\n", ~u);
    unsigned char c = 0x0f;
    printf("%d\n", ~c);
    unsigned char d = ~c;
    printf("%d\n", d);
    long l = 0;
    printf("%ld\n", ~l);
    unsigned long ul = 1;
    printf("%lx\n", ~ul);
    return 0;
}
