/* Comparisons after the usual arithmetic conversions: -1 is huge as unsigned. */
#include <stdio.h>

static int lt_unsigned(unsigned int a, unsigned int b) { return a < b; }
static int lt_long(long a, long b) { return a < b; }

int main(void) {
    int neg = -1;
    unsigned int one = 1;
    printf("%d\n", -1 + 0u < 1u);
    printf("%d\n", -1 < 1);
    printf("%d\n", lt_unsigned(neg, one));
    printf("%d\n", lt_long(neg, one));
    printf("%d\n", -1L < 1u);
    printf("%d\n", (unsigned long)neg > 0xffffffffu);
    printf("%d\n", (unsigned char)neg == 255);
    printf("%d\n", (unsigned short)neg > 0);
    return 0;
}
