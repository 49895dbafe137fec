/* Decimal, octal and hexadecimal integer literals. */
#include <stdio.h>

int main(void) {
    printf("%d %d %d\n", 010, 0x10, 10);
    printf("%d %d\n", 0777, 0xff);
    printf("%d %d\n", 0XABC, 0xabc);
    printf("%d\n", 0);
    printf("%d\n", 00);
    printf("%ld\n", 0x7fffffffffffffffL);
    printf("%o %x %X\n", 511, 48879, 48879);
    printf("%u\n", 037777777777u);
    return 0;
}
