/* Converting integers to strings in any base by hand. */
#include <stdio.h>

static char *to_base(long v, int base, char *buf) {
    char tmp[72];
    int n = 0, neg = v < 0;
    unsigned long u = neg ? 0ul - (unsigned long)v : (unsigned long)v;
    do {
        tmp[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[u % base];
        u /= base;
    } while (u);
    char *p = buf;
    if (neg)
        *p++ = '-';
    while (n)
        *p++ = tmp[--n];
    *p = 0;
    return buf;
}

int main(void) {
    char buf[80];
    printf("%s\n", to_base(255, 2, buf));
    printf("%s\n", to_base(-255, 16, buf));
    printf("%s\n", to_base(123456789, 36, buf));
    printf("%s\n", to_base(-9223372036854775807L - 1, 10, buf));
    printf("%s\n", to_base(0, 7, buf));
    return 0;
}
