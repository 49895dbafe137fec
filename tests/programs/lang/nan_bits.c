/* The exact bits of NaNs and signed zeros: x86's default NaN has the sign
 * set, sqrt of a negative number is that NaN and sets errno, negation flips
 * only the sign.  Constant operands must give what run-time ones give (a
 * JIT's constant folder must not decide differently). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static unsigned long bits(double x)
{
    unsigned long b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static double zero(void) { return 0.0; }

int main(void)
{
    double v[] = {0.0, -0.0, 1.0, 2.0, -1.0, 1e-310, 1e308, 0.0 / 0.0, -(0.0 / 0.0),
                  1.0 / 0.0, -1.0 / 0.0, 3.0e-320, 0.1};
    double z = 0.0, inf = 1.0 / z;
    int i;
    for (i = 0; i < 13; i++) {
        errno = 0;
        double r = sqrt(v[i]);
        printf("sqrt(%a) = %a %016lx errno %d\n", v[i], r, bits(r), errno);
    }
    printf("0/0 %016lx\n", bits(z / z));
    printf("-(0/0) %016lx\n", bits(-(z / z)));
    printf("inf-inf %016lx\n", bits(inf - inf));
    printf("0*inf %016lx\n", bits(zero() * inf));
    printf("-(inf-inf) %016lx\n", bits(-(inf - inf)));
    printf("0-(0/0) %016lx\n", bits(0.0 - (z / z)));
    printf("-0.0+0.0 %016lx\n", bits(-0.0 + 0.0));
    printf("-0.0*1 %016lx\n", bits(-0.0 * 1.0));
    printf("sqrt(-0) %016lx\n", bits(sqrt(-0.0)));
    return 0;
}
