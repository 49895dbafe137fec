/* Widening a signed value sign-extends; widening an unsigned one zero-extends. */
#include <stdio.h>

int main(void) {
    signed char sc = -2;
    unsigned char uc = 254;
    short ss = -300;
    int i = -7;
    unsigned int ui = 4294967289u;
    long a = sc, b = uc, c = ss, d = i, e = ui;
    printf("%ld %ld %ld %ld %ld\n", a, b, c, d, e);
    unsigned long ua = sc;
    printf("%lu\n", ua);
    unsigned int ub = sc;
    printf("%u\n", ub);
    unsigned long uc2 = ui;
    printf("%lu\n", uc2);
    long long ll = (unsigned short)ss;
    printf("%lld\n", ll);
    return 0;
}
