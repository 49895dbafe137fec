/* unsigned int arithmetic is modulo 2^32. */
#include <stdio.h>

int main(void) {
    unsigned int u = 4294967295u;
    printf("%u\n", u);
    u = u + 1;
    printf("%u\n", u);
    u = u - 1;
    printf("%u\n", u);
    unsigned int big = 3000000000u;
    printf("%u\n", big + big);
    printf("%u\n", big * 3);
    unsigned int z = 0;
    printf("%u\n", -z);
    printf("%u\n", z - 7);
    printf("%x\n", 0u - 1u);
    return 0;
}
