/* Printing numbers in binary with shifts and masks. */
#include <stdio.h>

static void bin(unsigned int v, int bits) {
    int i;
    for (i = bits - 1; i >= 0; i--)
        putchar((v >> i) & 1 ? '1' : '0');
    putchar('\n');
}

int main(void) {
    bin(5, 8);
    bin(255, 8);
    bin(0xa5a5, 16);
    bin((unsigned int)-1, 32);
    bin((unsigned char)-3, 8);
    return 0;
}
