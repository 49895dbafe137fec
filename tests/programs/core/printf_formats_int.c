/* printf's integer conversions: %d %i %u %x %X %o %c %%. */
#include <stdio.h>

int main(void) {
    printf("%d %i %u\n", 42, -42, 42u);
    printf("%x %X %o\n", 255, 255, 8);
    printf("%d %u\n", -1, -1);
    printf("%x\n", -1);
    printf("%c%c%c\n", 72, 'i', '!');
    printf("100%%\n");
    printf("%d%%%d\n", 1, 2);
    printf("%d\n", -2147483647 - 1);
    printf("%u\n", 4294967295u);
    printf("%o\n", 0);
    printf("[%d] [%d]\n", 0, -0);
    return 0;
}
