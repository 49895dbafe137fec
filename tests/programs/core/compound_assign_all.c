/* Every compound assignment operator. */
#include <stdio.h>

int main(void) {
    int x = 100;
    x += 5;  printf("%d ", x);
    x -= 15; printf("%d ", x);
    x *= 3;  printf("%d ", x);
    x /= 7;  printf("%d ", x);
    x %= 10; printf("%d ", x);
    x <<= 4; printf("%d ", x);
    x >>= 2; printf("%d ", x);
    x &= 0x1c; printf("%d ", x);
    x |= 0x41; printf("%d ", x);
    x ^= 0xff; printf("%d\n", x);
    long l = 1;
    l <<= 40; l += 3; l *= -2;
    printf("%ld\n", l);
    unsigned u = 10;
    u -= 20;
    printf("%u\n", u);
    int a = 5;
    int r = (a += 3) * 2;
    printf("%d %d\n", a, r);
    return 0;
}
