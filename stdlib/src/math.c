/* <math.h>, the exact part: functions whose result is a single rounding
 * of the true value (or exact), written with integer operations on the bit
 * patterns so they are correct to the last bit: sqrt, fmod, floor and
 * friends, frexp/ldexp, classification.  The transcendental functions are
 * in mathexp.c and mathtrig.c. */
#include <math.h>
#include <string.h>
#include <errno.h>

#define SIGN_BIT 0x8000000000000000UL
#define EXP_MASK 0x7FF0000000000000UL
#define FRAC_MASK 0x000FFFFFFFFFFFFFUL

static unsigned long bits_of(double x)
{
    unsigned long u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static double from_bits(unsigned long u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

int __fpclassify(double x)
{
    unsigned long u = bits_of(x);
    int e = (int)(u >> 52 & 0x7FF);
    if (e == 0x7FF)
        return (u & FRAC_MASK) ? FP_NAN : FP_INFINITE;
    if (e == 0)
        return (u & FRAC_MASK) ? FP_SUBNORMAL : FP_ZERO;
    return FP_NORMAL;
}

int __signbit(double x)
{
    return (int)(bits_of(x) >> 63);
}

double fabs(double x) { return from_bits(bits_of(x) & ~SIGN_BIT); }

double copysign(double x, double y)
{
    return from_bits((bits_of(x) & ~SIGN_BIT) | (bits_of(y) & SIGN_BIT));
}

/* 2^n as a double, for -1022 <= n <= 1023. */
static double pow2(int n)
{
    return from_bits((unsigned long)(n + 1023) << 52);
}

/* x * 2^n, rounded once (only when the result is subnormal). */
double scalbn(double x, int n)
{
    if (n > 1023) {
        x *= pow2(1023);
        n -= 1023;
        if (n > 1023) {
            x *= pow2(1023);
            n -= 1023;
            if (n > 1023)
                n = 1023;
        }
    } else if (n < -1022) {
        /* Two steps, the second one rounding, so there is one rounding. */
        x *= pow2(-1022 + 53);
        n += 1022 - 53;
        if (n < -1022) {
            x *= pow2(-1022 + 53);
            n += 1022 - 53;
            if (n < -1022)
                n = -1022;
        }
    }
    return x * pow2(n);
}

double ldexp(double x, int n) { return scalbn(x, n); }

double frexp(double x, int *e)
{
    unsigned long u = bits_of(x);
    int be = (int)(u >> 52 & 0x7FF);
    if (be == 0) {
        if (x == 0) {
            *e = 0;
            return x;
        }
        x *= pow2(64);
        u = bits_of(x);
        be = (int)(u >> 52 & 0x7FF) - 64;
    } else if (be == 0x7FF) {
        *e = 0;
        return x;
    }
    *e = be - 1022;
    return from_bits((u & ~EXP_MASK) | 0x3FE0000000000000UL);
}

int ilogb(double x)
{
    int e;
    if (x == 0)
        return -2147483647 - 1;
    if (isnan(x))
        return -2147483647 - 1;
    if (isinf(x))
        return 2147483647;
    frexp(x, &e);
    return e - 1;
}

double logb(double x)
{
    if (x == 0)
        return -1.0 / fabs(x);
    if (isnan(x))
        return x;
    if (isinf(x))
        return fabs(x);
    return (double)ilogb(x);
}

double trunc(double x)
{
    unsigned long u = bits_of(x);
    int e = (int)(u >> 52 & 0x7FF) - 1023;
    if (e >= 52)
        return x;
    if (e < 0)
        return from_bits(u & SIGN_BIT);
    return from_bits(u & ~(FRAC_MASK >> e));
}

double floor(double x)
{
    double t = trunc(x);
    return (x < 0 && t != x) ? t - 1.0 : t;
}

double ceil(double x)
{
    double t = trunc(x);
    if (x > 0 && t != x)
        return t + 1.0;
    return t == 0 ? copysign(0.0, x) : t;
}

/* Halfway cases away from zero. */
double round(double x)
{
    double t = trunc(x);
    if (fabs(x - t) >= 0.5)
        t += copysign(1.0, x);
    return t;
}

/* Halfway cases to even, as the default rounding mode does. */
double rint(double x)
{
    double big = 4503599627370496.0, a = fabs(x);
    if (!(a < big))
        return x;
    a = (a + big) - big;
    return copysign(a, x);
}

double nearbyint(double x) { return rint(x); }
long lrint(double x) { return (long)rint(x); }
long lround(double x) { return (long)round(x); }
long long llround(double x) { return (long long)round(x); }

double modf(double x, double *ip)
{
    double t = trunc(x);
    *ip = t;
    if (isinf(x))
        return copysign(0.0, x);
    return copysign(x - t, x);
}

/* The exact remainder x - n*y (n = trunc(x/y)), by long division of the
 * significands. */
double fmod(double x, double y)
{
    unsigned long ux = bits_of(x), uy = bits_of(y), mx, my;
    int ex = (int)(ux >> 52 & 0x7FF), ey = (int)(uy >> 52 & 0x7FF), step;

    if (isnan(x) || isnan(y))
        return x + y;
    if (isinf(x) || y == 0)
        return from_bits(0xFFF8000000000000UL);
    if (isinf(y) || fabs(x) < fabs(y))
        return x;
    mx = ux & FRAC_MASK;
    my = uy & FRAC_MASK;
    if (ex)
        mx |= 1UL << 52;
    else
        ex = 1;
    if (ey)
        my |= 1UL << 52;
    else
        ey = 1;
    while (ex > ey) {
        mx %= my;
        step = ex - ey < 10 ? ex - ey : 10;
        mx <<= step;
        ex -= step;
    }
    mx %= my;
    return scalbn(copysign((double)mx, x), ey - 1075);
}

/* x - n*y with n the nearest integer to x/y, ties to even: reduce modulo
 * 2|y| exactly, then step down by |y| at most twice. */
double remainder(double x, double y)
{
    double r, p = fabs(y), half;
    if (isnan(x) || isnan(y))
        return x + y;
    if (isinf(x) || y == 0)
        return from_bits(0xFFF8000000000000UL);
    r = p <= 8.9884656743115795e307 ? fmod(fabs(x), p + p) : fabs(x);
    if (p < 4.4501477170144028e-308) {
        if (r + r > p) {
            r -= p;
            if (r + r >= p)
                r -= p;
        }
    } else {
        half = 0.5 * p;
        if (r > half) {
            r -= p;
            if (r >= half)
                r -= p;
        }
    }
    return signbit(x) ? -r : r;
}

/* The machine's FSQRT is IEEE's correctly rounded square root (sqrtsd on
 * x86-64, like glibc); only the domain error is the library's. */
double sqrt(double x)
{
    if (x < 0)
        errno = EDOM;
    return __builtin_sqrt(x);
}

void __dd_two_prod(double a, double b, double *h, double *l);
void __dd_add(double ah, double al, double bh, double bl, double *h, double *l);
void __dd_mul(double ah, double al, double bh, double bl, double *h, double *l);
void __dd_sqrt(double ah, double al, double *h, double *l);

/* Newton's method in double, then one step y - (y^3 - a) / (3 y^2) with
 * the residual y^3 - a formed in double-double. */
double cbrt(double x)
{
    double a = fabs(x), y, ph, pl, rh, rl;
    int e, i;
    if (x == 0 || isnan(x) || isinf(x))
        return x + x;
    a = frexp(a, &e);               /* a in [0.5, 1) */
    while (e % 3) {
        a *= 0.5;
        e++;
    }
    y = 0.7 + 0.3 * a;
    for (i = 0; i < 6; i++)
        y = y - (y * y * y - a) / (3 * y * y);
    __dd_two_prod(y, y, &ph, &pl);
    __dd_mul(ph, pl, y, 0.0, &ph, &pl);
    __dd_add(ph, pl, -a, 0.0, &rh, &rl);
    y = y - (rh + rl) / (3 * y * y);
    y = scalbn(y, e / 3);
    return x < 0 ? -y : y;
}

/* sqrt(x^2 + y^2) with the sum of squares in double-double, after scaling
 * so nothing overflows or underflows. */
double hypot(double x, double y)
{
    double ax = fabs(x), ay = fabs(y), t, sh, sl, th, tl, h, l;
    int e;
    if (isinf(x) || isinf(y))
        return HUGE_VAL;
    if (isnan(x) || isnan(y))
        return x + y;
    if (ax < ay) {
        t = ax;
        ax = ay;
        ay = t;
    }
    if (ay == 0)
        return ax;
    frexp(ax, &e);
    ax = scalbn(ax, -e);
    ay = scalbn(ay, -e);
    __dd_two_prod(ax, ax, &sh, &sl);
    __dd_two_prod(ay, ay, &th, &tl);
    __dd_add(sh, sl, th, tl, &sh, &sl);
    __dd_sqrt(sh, sl, &h, &l);
    return scalbn(h + l, e);
}

double fma(double x, double y, double z)
{
    double ph, pl, s, t;
    if (isinf(x) || isinf(y) || isnan(x) || isnan(y) || isinf(z) || isnan(z))
        return x * y + z;
    __dd_two_prod(x, y, &ph, &pl);
    s = ph + z;
    t = (ph - s) + z;
    if (fabs(z) > fabs(ph))
        t = (z - s) + ph;
    return s + (t + pl);
}

double nextafter(double x, double y)
{
    unsigned long u;
    if (isnan(x) || isnan(y))
        return x + y;
    if (x == y)
        return y;
    if (x == 0)
        return copysign(from_bits(1), y);
    u = bits_of(x);
    if ((x < y) == (x > 0))
        u++;
    else
        u--;
    return from_bits(u);
}

double fmax(double x, double y)
{
    if (isnan(x))
        return y;
    if (isnan(y))
        return x;
    if (x == y)
        return signbit(x) ? y : x;
    return x > y ? x : y;
}

double fmin(double x, double y)
{
    if (isnan(x))
        return y;
    if (isnan(y))
        return x;
    if (x == y)
        return signbit(x) ? x : y;
    return x < y ? x : y;
}

double fdim(double x, double y)
{
    if (isnan(x) || isnan(y))
        return x + y;
    return x > y ? x - y : 0.0;
}

float sqrtf(float x) { return (float)sqrt(x); }
float fabsf(float x) { return (float)fabs(x); }
float floorf(float x) { return (float)floor(x); }
float ceilf(float x) { return (float)ceil(x); }
float truncf(float x) { return (float)trunc(x); }
float roundf(float x) { return (float)round(x); }
float fmodf(float x, float y) { return (float)fmod(x, y); }
