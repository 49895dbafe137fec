/* puts adds a newline; putchar writes one byte and returns it. */
#include <stdio.h>

int main(void) {
    puts("line one");
    puts("");
    int r = putchar('A');
    putchar('\n');
    printf("%d\n", r);
    int c;
    for (c = 'a'; c <= 'e'; c++)
        putchar(c);
    putchar('\n');
    r = putchar(200);
    putchar('\n');
    printf("%d\n", r);
    return 0;
}
