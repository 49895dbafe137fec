/* printf with many arguments of mixed types in one call. */
#include <stdio.h>

int main(void) {
    char c = 'z';
    short s = -12;
    unsigned char uc = 250;
    long l = -9000000000L;
    unsigned int u = 3000000000u;
    printf("%c %d %d %ld %u %s %x %lu %d %o\n", c, s, uc, l, u, "str", 0xabc, 77ul, 1, 9);
    printf("%d %d %d %d %d %d %d %d %d %d %d %d\n", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    return 0;
}
