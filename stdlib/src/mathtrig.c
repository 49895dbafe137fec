/* <math.h>: sin, cos, tan and the inverse functions, in double-double
 * arithmetic (mathdd.c) and rounded once.
 *
 * Argument reduction x = n pi/2 + r: for |x| < 2^20 pi/2 with pi/2 in four
 * parts (Cody and Waite); beyond that exactly, with the bits of 2/pi
 * (Payne and Hanek), so sin(1e300) is right too.  The kernels are Taylor
 * series on |r| <= pi/4: leading terms in double-double, the tail in
 * double.  atan reduces to |t| <= 1/16 around a table of atan(j/8). */
#include <math.h>
#include <errno.h>
#include <string.h>

void __dd_two_sum(double a, double b, double *h, double *l);
void __dd_two_prod(double a, double b, double *h, double *l);
void __dd_add(double ah, double al, double bh, double bl, double *h, double *l);
void __dd_mul(double ah, double al, double bh, double bl, double *h, double *l);
void __dd_div(double ah, double al, double bh, double bl, double *h, double *l);
void __dd_sqrt(double ah, double al, double *h, double *l);

/* pi/2 in four parts; the first three have 33 significant bits. */
#define PIO2_1 1.5707963267341256
#define PIO2_2 6.077100506303966e-11
#define PIO2_3 2.0222662487111665e-21
#define PIO2_4 8.4784276603689e-32
#define PIO2_H 1.5707963267948966
#define PIO2_L 6.123233995736766e-17
#define PI_H 3.141592653589793
#define PI_L 1.2246467991473532e-16

/* The first 1280 bits of 2/pi. */
static const unsigned int two_over_pi[40] = {
    0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0, 0xDB629599, 0x3C439041,
    0xFE5163AB, 0xDEBBC561, 0xB7246E3A, 0x424DD2E0, 0x06492EEA, 0x09D1921C,
    0xFE1DEB1C, 0xB129A73E, 0xE88235F5, 0x2EBB4484, 0xE99C7026, 0xB45F7E41,
    0x3991D639, 0x835339F4, 0x9C845F8B, 0xBDF9283B, 0x1FF897FF, 0xDE05980F,
    0xEF2F118B, 0x5A0A6D1F, 0x6D367ECF, 0x27CB09B7, 0x4F463F66, 0x9E5FEA2D,
    0x7527BAC7, 0xEBE5F17B, 0x3D0739F7, 0x8A5292EA, 0x6BFB5FB1, 0x1F8D5D08,
    0x56033046, 0xFC7B6BAB, 0xF0CFBC20, 0x9AF4361D
};

/* (-1)^k / (2k+1)!, k = 1..5 as double-doubles */
static const double sin_dd[10] = {
    -0.16666666666666666, -9.25185853854297e-18,
    0.008333333333333333, 1.1564823173178714e-19,
    -0.0001984126984126984, -1.7209558293420705e-22,
    2.7557319223985893e-06, -1.858393274046472e-22,
    -2.505210838544172e-08, 1.448814070935912e-24,
};
static const double sin_tail[7] = {  /* k = 6..12 */
    1.6059043836821613e-10, -7.647163731819816e-13, 2.8114572543455206e-15, -8.22063524662433e-18, 1.9572941063391263e-20, -3.868170170630684e-23, 6.446950284384474e-26,
};
static const double cos_dd[10] = {  /* (-1)^k / (2k)!, k = 1..5 */
    -0.5, 0.0,
    0.041666666666666664, 2.3129646346357427e-18,
    -0.001388888888888889, 5.300543954373577e-20,
    2.48015873015873e-05, 2.1511947866775882e-23,
    -2.755731922398589e-07, -2.3767714622250297e-23,
};
static const double cos_tail[8] = {  /* k = 6..13 */
    2.08767569878681e-09, -1.1470745597729725e-11, 4.779477332387385e-14, -1.5619206968586225e-16, 4.110317623312165e-19, -8.896791392450574e-22, 1.6117375710961184e-24, -2.4795962632247976e-27,
};
static const double atan_table[18] = {  /* atan(j/8), j = 0..8 */
    0.0, 0.0,
    0.12435499454676144, -3.1253241424539383e-18,
    0.24497866312686414, 1.0698755618734451e-17,
    0.35877067027057225, -2.4623815582638635e-17,
    0.4636476090008061, 2.2698777452961687e-17,
    0.5585993153435624, -5.4556305485916264e-18,
    0.6435011087932844, 1.5834785051444286e-17,
    0.7188299996216245, -2.1478388444456983e-17,
    0.7853981633974483, 3.061616997868383e-17,
};
static const double atan_dd_c[6] = {  /* (-1)^k / (2k+1), k = 1..3 */
    -0.3333333333333333, -1.850371707708594e-17,
    0.2, -1.1102230246251566e-17,
    -0.14285714285714285, -7.93016446160826e-18,
};
static const double atan_tail[9] = {  /* k = 4..12 */
    0.1111111111111111, -0.09090909090909091, 0.07692307692307693, -0.06666666666666667, 0.058823529411764705, -0.05263157894736842, 0.047619047619047616, -0.043478260869565216, 0.04,
};

/* Bits [pos, pos + 64) of the 256-bit number q (8 little-endian words). */
static unsigned long bits64(const unsigned int *q, int pos)
{
    unsigned long r = 0;
    int i, b;
    for (i = 63; i >= 0; i--) {
        b = pos + i;
        r <<= 1;
        if (b >= 0 && b < 256)
            r |= (q[b / 32] >> (b % 32)) & 1;
    }
    return r;
}

/* Exact reduction of a huge |x| (>= 2^20): x * 2/pi computed from the
 * 53-bit significand times a 192-bit window of 2/pi. */
static int reduce_huge(double x, double *rh, double *rl)
{
    unsigned long u, m, a, b;
    unsigned int q[8], win[6];
    unsigned long carry, prod;
    int e, w, i, j, p, n;
    double fh, fl;

    memcpy(&u, &x, sizeof u);
    m = (u & 0xFFFFFFFFFFFFFUL) | (1UL << 52);
    e = (int)(u >> 52 & 0x7FF) - 1075;
    w = e >= 2 ? (e - 2) / 32 : 0;
    for (i = 0; i < 6; i++)
        win[i] = two_over_pi[w + 5 - i];        /* little-endian window */
    for (i = 0; i < 8; i++)
        q[i] = 0;
    for (j = 0; j < 2; j++) {
        unsigned long mj = j ? m >> 32 : m & 0xFFFFFFFFUL;
        carry = 0;
        for (i = 0; i < 6; i++) {
            prod = mj * win[i] + q[i + j] + carry;
            q[i + j] = (unsigned int)prod;
            carry = prod >> 32;
        }
        for (i = 6 + j; carry && i < 8; i++) {
            prod = q[i] + carry;
            q[i] = (unsigned int)prod;
            carry = prod >> 32;
        }
    }
    /* x * 2/pi = q * 2^-p (mod 4). */
    p = 32 * w + 192 - e;
    n = (int)(bits64(q, p) & 3);
    a = bits64(q, p - 64);
    b = bits64(q, p - 128);
    fh = (double)(a >> 11) * 1.1102230246251565e-16;          /* 2^-53 */
    fl = (double)(a & 0x7FF) * 5.421010862427522e-20           /* 2^-64 */
         + (double)(b >> 11) * 6.018531076210112e-36;          /* 2^-117 */
    __dd_two_sum(fh, fl, &fh, &fl);
    if (fh >= 0.5) {
        n++;
        __dd_add(fh, fl, -1.0, 0.0, &fh, &fl);
    }
    __dd_mul(fh, fl, PIO2_H, PIO2_L, rh, rl);
    if (x < 0) {
        *rh = -*rh;
        *rl = -*rl;
        n = -n;
    }
    return n;
}

/* x = n pi/2 + (*rh + *rl); returns n (only n mod 4 matters). */
static int reduce_pio2(double x, double *rh, double *rl)
{
    double a = fabs(x), n, t, ph, pl, h, l;
    if (a <= 0.7853981633974483) {
        *rh = x;
        *rl = 0.0;
        return 0;
    }
    if (a >= 1647099.0)
        return reduce_huge(x, rh, rl);
    n = rint(x * 0.6366197723675814);
    t = x - n * PIO2_1;
    __dd_two_prod(n, PIO2_2, &ph, &pl);
    __dd_add(t, 0.0, -ph, -pl, &h, &l);
    __dd_two_prod(n, PIO2_3, &ph, &pl);
    __dd_add(h, l, -ph, -pl, &h, &l);
    __dd_add(h, l, -n * PIO2_4, 0.0, rh, rl);
    return (int)(long)n;
}

/* sin r or cos r for |r| <= pi/4 (+ a little), as a double-double. */
static void kernel(double rh, double rl, int want_cos, double *h, double *l)
{
    double zh, zl, ph, pl, t;
    int k;
    __dd_mul(rh, rl, rh, rl, &zh, &zl);
    if (want_cos) {
        t = cos_tail[7];
        for (k = 6; k >= 0; k--)
            t = t * zh + cos_tail[k];
        ph = t;
        pl = 0.0;
        for (k = 4; k >= 0; k--) {
            __dd_mul(ph, pl, zh, zl, &ph, &pl);
            __dd_add(ph, pl, cos_dd[2 * k], cos_dd[2 * k + 1], &ph, &pl);
        }
        __dd_mul(ph, pl, zh, zl, &ph, &pl);
        __dd_add(1.0, 0.0, ph, pl, h, l);
    } else {
        t = sin_tail[6];
        for (k = 5; k >= 0; k--)
            t = t * zh + sin_tail[k];
        ph = t;
        pl = 0.0;
        for (k = 4; k >= 0; k--) {
            __dd_mul(ph, pl, zh, zl, &ph, &pl);
            __dd_add(ph, pl, sin_dd[2 * k], sin_dd[2 * k + 1], &ph, &pl);
        }
        __dd_mul(ph, pl, zh, zl, &ph, &pl);
        __dd_mul(ph, pl, rh, rl, &ph, &pl);
        __dd_add(rh, rl, ph, pl, h, l);
    }
}

/* The quiet NaN glibc returns for a domain error (negative, or positive
 * for asin and acos). */
static double domain_error(int negative)
{
    unsigned long u = negative ? 0xFFF8000000000000UL : 0x7FF8000000000000UL;
    double d;
    errno = EDOM;
    memcpy(&d, &u, sizeof d);
    return d;
}

static double trig_nan(double x)
{
    if (isinf(x))
        return domain_error(1);
    return x + x;
}

double sin(double x)
{
    double rh, rl, h, l;
    int n;
    if (isnan(x) || isinf(x))
        return trig_nan(x);
    if (fabs(x) < 1e-9)
        return x;
    n = reduce_pio2(x, &rh, &rl);
    kernel(rh, rl, n & 1, &h, &l);
    return (n & 2) ? -(h + l) : h + l;
}

double cos(double x)
{
    double rh, rl, h, l;
    int n;
    if (isnan(x) || isinf(x))
        return trig_nan(x);
    n = reduce_pio2(x, &rh, &rl);
    kernel(rh, rl, !(n & 1), &h, &l);
    return ((n + 1) & 2) ? -(h + l) : h + l;
}

double tan(double x)
{
    double rh, rl, sh, sl, ch, cl, h, l;
    int n;
    if (isnan(x) || isinf(x))
        return trig_nan(x);
    if (fabs(x) < 1e-9)
        return x;
    n = reduce_pio2(x, &rh, &rl);
    kernel(rh, rl, 0, &sh, &sl);
    kernel(rh, rl, 1, &ch, &cl);
    if (n & 1)
        __dd_div(-ch, -cl, sh, sl, &h, &l);
    else
        __dd_div(sh, sl, ch, cl, &h, &l);
    return h + l;
}

/* atan(xh + xl) as a double-double, for finite x >= 0. */
static void atan_dd(double xh, double xl, double *h, double *l)
{
    double ah = xh, al = xl, c, nh, nl, dh, dl, th, tl, zh, zl, ph, pl, s;
    int inv = 0, j, k;
    if (ah > 1.0) {
        __dd_div(1.0, 0.0, ah, al, &ah, &al);
        inv = 1;
    }
    j = (int)(ah * 8 + 0.5);
    c = j * 0.125;
    /* t = (a - c) / (1 + a c) */
    __dd_add(ah, al, -c, 0.0, &nh, &nl);
    __dd_mul(ah, al, c, 0.0, &dh, &dl);
    __dd_add(dh, dl, 1.0, 0.0, &dh, &dl);
    __dd_div(nh, nl, dh, dl, &th, &tl);
    __dd_mul(th, tl, th, tl, &zh, &zl);
    s = atan_tail[8];
    for (k = 7; k >= 0; k--)
        s = s * zh + atan_tail[k];
    ph = s;
    pl = 0.0;
    for (k = 2; k >= 0; k--) {
        __dd_mul(ph, pl, zh, zl, &ph, &pl);
        __dd_add(ph, pl, atan_dd_c[2 * k], atan_dd_c[2 * k + 1], &ph, &pl);
    }
    __dd_mul(ph, pl, zh, zl, &ph, &pl);
    __dd_mul(ph, pl, th, tl, &ph, &pl);
    __dd_add(th, tl, ph, pl, &ph, &pl);
    __dd_add(atan_table[2 * j], atan_table[2 * j + 1], ph, pl, h, l);
    if (inv)
        __dd_add(PIO2_H, PIO2_L, -*h, -*l, h, l);
}

double atan(double x)
{
    double h, l;
    if (isnan(x))
        return x + x;
    if (isinf(x) || fabs(x) > 1e17)
        return copysign(PIO2_H, x);
    if (fabs(x) < 1e-9)
        return x;
    atan_dd(fabs(x), 0.0, &h, &l);
    return copysign(h + l, x);
}

double atan2(double y, double x)
{
    double ay = fabs(y), ax = fabs(x), qh, ql, h, l;
    int ey, ex;
    if (isnan(x) || isnan(y))
        return x + y;
    if (y == 0) {
        if (signbit(x))
            return copysign(PI_H, y);
        return y;
    }
    if (x == 0)
        return copysign(PIO2_H, y);
    if (isinf(x)) {
        if (isinf(y))
            return copysign(signbit(x) ? 3 * 0.7853981633974483 + 3 * 3.061616997868383e-17
                                       : 0.7853981633974483, y);
        return signbit(x) ? copysign(PI_H, y) : copysign(0.0, y);
    }
    if (isinf(y))
        return copysign(PIO2_H, y);
    frexp(ay, &ey);
    frexp(ax, &ex);
    if (ey - ex > 60) {
        h = PIO2_H;
        l = PIO2_L - ax / ay;
    } else if (ex - ey > 60) {
        if (signbit(x))
            return copysign(PI_H, y);
        return copysign(ay / ax, y);
    } else {
        /* Scale both near 1 so the double-double division cannot overflow. */
        __dd_div(scalbn(ay, -ex), 0.0, scalbn(ax, -ex), 0.0, &qh, &ql);
        if (qh > 1e17) {
            h = PIO2_H;
            l = PIO2_L - 1 / qh;
        } else {
            atan_dd(qh, ql, &h, &l);
        }
    }
    if (signbit(x))
        __dd_add(PI_H, PI_L, -h, -l, &h, &l);
    return copysign(h + l, y);
}

/* sqrt(1 - x^2) as a double-double, exactly formed before the root. */
static void cosine_of(double x, double *h, double *l)
{
    double ph, pl;
    __dd_two_prod(x, x, &ph, &pl);
    __dd_add(1.0, 0.0, -ph, -pl, &ph, &pl);
    if (ph <= 0) {
        *h = *l = 0.0;
        return;
    }
    __dd_sqrt(ph, pl, h, l);
}

double asin(double x)
{
    double sh, sl, qh, ql, h, l, a = fabs(x);
    if (isnan(x))
        return x + x;
    if (a > 1)
        return domain_error(0);
    if (a < 1e-9)
        return x;
    if (a == 1)
        return copysign(PIO2_H, x);
    cosine_of(a, &sh, &sl);
    __dd_div(a, 0.0, sh, sl, &qh, &ql);
    atan_dd(qh, ql, &h, &l);
    return copysign(h + l, x);
}

double acos(double x)
{
    double sh, sl, qh, ql, h, l, a = fabs(x);
    if (isnan(x))
        return x + x;
    if (a > 1)
        return domain_error(0);
    if (a < 1e-17)
        return PIO2_H + (PIO2_L - x);
    if (x == 1)
        return 0.0;
    if (x == -1)
        return PI_H;
    cosine_of(a, &sh, &sl);
    __dd_div(sh, sl, a, 0.0, &qh, &ql);
    atan_dd(qh, ql, &h, &l);
    if (x < 0)
        __dd_add(PI_H, PI_L, -h, -l, &h, &l);
    return h + l;
}

float sinf(float x) { return (float)sin(x); }
float cosf(float x) { return (float)cos(x); }
float tanf(float x) { return (float)tan(x); }
float atan2f(float y, float x) { return (float)atan2(y, x); }
