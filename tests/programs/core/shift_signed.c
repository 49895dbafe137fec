/* Right shift of a negative signed value is arithmetic on gcc. */
#include <stdio.h>

int main(void) {
    int a = -16;
    printf("%d %d %d\n", a >> 1, a >> 2, a >> 4);
    printf("%d\n", -1 >> 31);
    int b = -2147483647 - 1;
    printf("%d\n", b >> 31);
    printf("%d\n", b >> 1);
    long l = -1024L;
    printf("%ld %ld\n", l >> 3, l >> 63);
    signed char c = -64;
    printf("%d\n", c >> 3);
    short s = -300;
    printf("%d\n", s >> 2);
    printf("%d\n", -7 >> 1);
    return 0;
}
