/* printf field widths and the - 0 + and space flags. */
#include <stdio.h>

int main(void) {
    printf("[%5d] [%-5d] [%05d]\n", 42, 42, 42);
    printf("[%+d] [%+d] [% d] [% d]\n", 5, -5, 5, -5);
    printf("[%+5d] [%-+5d] [%+05d]\n", 7, 7, 7);
    printf("[%05d] [%5d]\n", -42, -42);
    printf("[%8x] [%-8X] [%08x]\n", 0xbeef, 0xbeef, 0xbeef);
    printf("[%6o] [%06o]\n", 64, 64);
    printf("[%3c] [%-3c]\n", 'a', 'b');
    printf("[%2d] [%1d]\n", 12345, 9);
    printf("[% 05d]\n", 12);
    printf("[%10u]\n", 4000000000u);
    return 0;
}
