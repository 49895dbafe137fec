/* Unary minus and plus, including on unsigned and narrow types. */
#include <stdio.h>

int main(void) {
    int a = 7;
    printf("%d %d %d\n", -a, +a, - -a);
    unsigned int u = 7;
    printf("%u\n", -u);
    char c = 5;
    printf("%d %d\n", -c, (int)sizeof(+c));
    long l = 1L << 40;
    printf("%ld\n", -l);
    unsigned long ul = 1;
    printf("%lu\n", -ul);
    printf("%d\n", -(-2147483647));
    return 0;
}
