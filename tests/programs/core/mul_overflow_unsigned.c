/* Unsigned multiplication keeps the low bits of the product. */
#include <stdio.h>

int main(void) {
    unsigned int a = 65537, b = 65537;
    printf("%u\n", a * b);
    unsigned int h = 2166136261u;
    int i;
    for (i = 0; i < 5; i++)
        h = h * 16777619u;
    printf("%u\n", h);
    unsigned long x = 6364136223846793005ul;
    printf("%lu\n", x * x);
    unsigned short s = 300;
    unsigned short t = s * s;
    printf("%d\n", t);
    unsigned char c = 17;
    c = c * c;
    printf("%d\n", c);
    return 0;
}
