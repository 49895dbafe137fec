/* The remainder has the sign of the dividend: (a/b)*b + a%b == a. */
#include <stdio.h>

int main(void) {
    int vals[6];
    int i;
    vals[0] = 13; vals[1] = -13; vals[2] = 5; vals[3] = -5; vals[4] = 0; vals[5] = 1;
    for (i = 0; i < 6; i++) {
        int a = vals[i];
        printf("%d %d %d %d\n", a % 4, a % -4, a % 1, (a / 3) * 3 + a % 3 == a);
    }
    long l = -123456789012L;
    printf("%ld %ld\n", l % 1000, l % -7);
    unsigned int u = 4294967295u;
    printf("%u\n", u % 10);
    return 0;
}
