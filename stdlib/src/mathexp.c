/* <math.h>: exp, log, pow and their relatives.
 *
 * Each is computed in double-double arithmetic (mathdd.c) and rounded
 * once at the end, so results are correctly rounded except in
 * astronomically rare cases, which is also what glibc achieves for exp,
 * log and pow; the hyperbolic functions use the usual expm1/log1p
 * formulas, as glibc's do.
 *   exp: x = k ln2 + r, |r| <= ln2/2; e^r from a Taylor series of r/256
 *        squared eight times (kept as e^r - 1 to lose nothing); times 2^k.
 *   log: x = m 2^e; an estimate y of log m from the atanh series, then one
 *        Newton step y + (m e^-y - 1) in double-double. */
#include <math.h>
#include <errno.h>
#include <string.h>

void __dd_two_sum(double a, double b, double *h, double *l);
void __dd_two_prod(double a, double b, double *h, double *l);
void __dd_add(double ah, double al, double bh, double bl, double *h, double *l);
void __dd_mul(double ah, double al, double bh, double bl, double *h, double *l);
void __dd_div(double ah, double al, double bh, double bl, double *h, double *l);
void __dd_sqrt(double ah, double al, double *h, double *l);

/* ln 2 in three parts; the first two have 32 significant bits, so k times
 * them is exact for |k| < 2^21. */
#define LN2_HI 0.6931471806019545
#define LN2_MID -4.200915072890502e-11
#define LN2_LO 2.0941744292700725e-21
#define LN2_DH 0.6931471805599453
#define LN2_DL 2.3190468138462996e-17
#define INV_LN2_H 1.4426950408889634
#define INV_LN2_L 2.0355273740931033e-17
#define INV_LN10_H 0.4342944819032518
#define INV_LN10_L 1.098319650216765e-17

/* The quiet NaN glibc returns for a domain error: negative for most
 * functions (the x86 default NaN), positive for a few. */
static double domain_error(int negative)
{
    unsigned long u = negative ? 0xFFF8000000000000UL : 0x7FF8000000000000UL;
    double d;
    errno = EDOM;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* e^(xh + xl) - 1 = *h + *l for |xh| <= 0.35. */
static void expm1_small(double xh, double xl, double *h, double *l)
{
    double sh, sl, th, tl, eh, el, ah, al;
    int n, i;
    /* s = x / 256, exact. */
    sh = xh * 0.00390625;
    sl = xl * 0.00390625;
    /* e^s - 1 = s (1 + s/2 (1 + s/3 (1 + ... s/11))) */
    eh = 1.0;
    el = 0.0;
    for (n = 11; n >= 2; n--) {
        __dd_mul(eh, el, sh, sl, &th, &tl);
        __dd_div(th, tl, (double)n, 0.0, &th, &tl);
        __dd_add(1.0, 0.0, th, tl, &eh, &el);
    }
    __dd_mul(eh, el, sh, sl, &eh, &el);
    /* (1 + E)^2 - 1 = E (2 + E), eight times. */
    for (i = 0; i < 8; i++) {
        __dd_add(eh, el, 2.0, 0.0, &ah, &al);
        __dd_mul(eh, el, ah, al, &eh, &el);
    }
    *h = eh;
    *l = el;
}

/* Splits x = k ln2 + r with r = *rh + *rl; returns k. */
static int reduce_ln2(double xh, double xl, double *rh, double *rl)
{
    double k = xh * INV_LN2_H, ph, pl, th, tl;
    k = k < 0 ? (double)(long)(k - 0.5) : (double)(long)(k + 0.5);
    th = xh - k * LN2_HI;                 /* exact */
    __dd_two_prod(k, LN2_MID, &ph, &pl);
    __dd_add(th, xl, -ph, -pl, &th, &tl);
    __dd_add(th, tl, -k * LN2_LO, 0.0, rh, rl);
    return (int)k;
}

/* e^(xh + xl) = 2^k (*h + *l), for |xh| < 1500. */
static int exp_dd(double xh, double xl, double *h, double *l)
{
    double rh, rl, eh, el;
    int k = reduce_ln2(xh, xl, &rh, &rl);
    expm1_small(rh, rl, &eh, &el);
    __dd_add(1.0, 0.0, eh, el, h, l);
    return k;
}

/* (h + l) * 2^k rounded once to the subnormal grid (multiples of
 * 2^-1074): the scaled value is rounded to an integer by hand. */
static double subnormal(double h, double l, int k)
{
    double a, b, n, frac;
    if (k + 1074 < -2)
        return 0.0;
    a = scalbn(h, k + 1074);
    b = scalbn(l, k + 1074);
    n = rint(a);
    frac = (a - n) + b;
    if (frac > 0.5 || (frac == 0.5 && fmod(n, 2.0) != 0))
        n += 1;
    else if (frac < -0.5 || (frac == -0.5 && fmod(n, 2.0) != 0))
        n -= 1;
    errno = ERANGE;
    return scalbn(n, -1074);
}

static double exp_of_dd(double xh, double xl)
{
    double h, l;
    int k;
    if (xh > 709.782712893384) {
        errno = ERANGE;
        return HUGE_VAL;
    }
    if (xh < -745.1332191019412) {
        errno = ERANGE;
        return 0.0;
    }
    k = exp_dd(xh, xl, &h, &l);
    if (k < -1021)
        return subnormal(h, l, k);
    return scalbn(h + l, k);
}

double exp(double x)
{
    if (isnan(x))
        return x + x;
    if (x == 0)
        return 1.0;
    return exp_of_dd(x, 0.0);
}

double exp2(double x)
{
    double n, f, h, l;
    if (isnan(x))
        return x + x;
    if (x > 1024) {
        errno = ERANGE;
        return HUGE_VAL;
    }
    if (x < -1080)
        return 0.0;
    n = rint(x);
    f = x - n;
    if (f == 0)
        return scalbn(1.0, (int)n);
    __dd_mul(f, 0.0, LN2_DH, LN2_DL, &h, &l);
    n += exp_dd(h, l, &h, &l);      /* |f ln2| <= 0.35: k is -1, 0 or 1 */
    if (n < -1021)
        return subnormal(h, l, (int)n);
    return scalbn(h + l, (int)n);
}

double expm1(double x)
{
    double rh, rl, eh, el, p, th, tl;
    int k;
    if (isnan(x))
        return x + x;
    if (x > 40)
        return exp(x);              /* the -1 is below half an ulp */
    if (x < -40)
        return -1.0;
    if (fabs(x) < 5.551115123125783e-17)
        return x;
    k = reduce_ln2(x, 0.0, &rh, &rl);
    expm1_small(rh, rl, &eh, &el);
    if (k == 0)
        return eh + el;
    /* 2^k (1 + E) - 1 = 2^k E + (2^k - 1), the scaling exact */
    p = scalbn(1.0, k);
    __dd_add(eh * p, el * p, k <= 53 ? p - 1.0 : p, k <= 53 ? 0.0 : -1.0, &th, &tl);
    return th + tl;
}

/* log(xh + xl) = *h + *l for xh > 0 finite. */
static void log_dd(double xh, double xl, double *h, double *l)
{
    double m, ml, s, s2, y, t, eh, el, ph, pl;
    int e, k, i;

    m = frexp(xh, &e);             /* [0.5, 1) */
    if (m < 0.70710678118654752) {
        m *= 2;
        e--;
    }
    ml = scalbn(xl, -e);
    /* Estimate from 2 atanh((m-1)/(m+1)). */
    s = (m - 1) / (m + 1);
    s2 = s * s;
    t = 1.0 / 19;
    for (i = 17; i >= 1; i -= 2)
        t = t * s2 + 1.0 / i;
    y = 2 * s * t;
    /* Newton: y + (m e^-y - 1). */
    k = exp_dd(-y, 0.0, &eh, &el);
    eh = scalbn(eh, k);
    el = scalbn(el, k);
    __dd_mul(m, ml, eh, el, &ph, &pl);
    __dd_add(ph, pl, -1.0, 0.0, &ph, &pl);
    __dd_add(y, 0.0, ph, pl, &ph, &pl);
    /* + e ln2 */
    __dd_add(e * LN2_HI, 0.0, e * LN2_MID, 0.0, &eh, &el);
    __dd_add(eh, el, e * LN2_LO, 0.0, &eh, &el);
    __dd_add(eh, el, ph, pl, h, l);
}

/* Handles the arguments log cannot take; returns 1 with *r set if so. */
static int log_special(double x, double *r)
{
    if (isnan(x)) {
        *r = x + x;
        return 1;
    }
    if (x == 0) {
        errno = ERANGE;
        *r = -HUGE_VAL;
        return 1;
    }
    if (x < 0) {
        *r = domain_error(1);
        return 1;
    }
    if (isinf(x)) {
        *r = x;
        return 1;
    }
    return 0;
}

double log(double x)
{
    double h, l;
    if (log_special(x, &h))
        return h;
    if (x == 1)
        return 0.0;
    log_dd(x, 0.0, &h, &l);
    return h + l;
}

double log2(double x)
{
    double h, l, m;
    int e;
    if (log_special(x, &h))
        return h;
    m = frexp(x, &e);
    if (m == 0.5)
        return (double)(e - 1);
    log_dd(x, 0.0, &h, &l);
    __dd_mul(h, l, INV_LN2_H, INV_LN2_L, &h, &l);
    return h + l;
}

double log10(double x)
{
    double h, l;
    if (x < 0)
        return domain_error(0);     /* glibc's log10 gives +nan */
    if (log_special(x, &h))
        return h;
    if (x == 1)
        return 0.0;
    log_dd(x, 0.0, &h, &l);
    __dd_mul(h, l, INV_LN10_H, INV_LN10_L, &h, &l);
    return h + l;
}

double log1p(double x)
{
    double h, l;
    if (x == -1) {
        errno = ERANGE;
        return -HUGE_VAL;
    }
    if (x < -1)
        return domain_error(1);
    if (isnan(x) || isinf(x))
        return x + x;
    if (fabs(x) < 5.551115123125783e-17)
        return x;
    __dd_two_sum(1.0, x, &h, &l);
    log_dd(h, l, &h, &l);
    return h + l;
}

/* x^y for x > 0: e^(y log x) in double-double. */
static double pow_positive(double x, double y)
{
    double lh, ll, ph, pl, t;
    t = y * log(x);
    if (t > 710) {
        errno = ERANGE;
        return HUGE_VAL;
    }
    if (t < -746) {
        errno = ERANGE;
        return 0.0;
    }
    log_dd(x, 0.0, &lh, &ll);
    __dd_mul(lh, ll, y, 0.0, &ph, &pl);
    return exp_of_dd(ph, pl);
}

/* 1 if y is an odd integer, 2 if an even integer, 0 if not an integer. */
static int integer_kind(double y)
{
    if (isinf(y) || y != trunc(y))
        return 0;
    if (fabs(y) >= 9007199254740992.0)
        return 2;
    return fmod(y, 2.0) == 0 ? 2 : 1;
}

double pow(double x, double y)
{
    int yk;
    double r;
    if (y == 0 || x == 1)
        return 1.0;
    if (isnan(x) || isnan(y))
        return x + y;
    yk = integer_kind(y);
    if (isinf(y)) {
        if (x == -1)
            return 1.0;
        if ((fabs(x) < 1) == (y < 0))
            return HUGE_VAL;
        return 0.0;
    }
    if (x == 0) {
        if (y < 0) {
            errno = ERANGE;
            return yk == 1 ? copysign(HUGE_VAL, x) : HUGE_VAL;
        }
        return yk == 1 ? x : 0.0;
    }
    if (isinf(x)) {
        if (x > 0)
            return y < 0 ? 0.0 : HUGE_VAL;
        if (y < 0)
            return yk == 1 ? -0.0 : 0.0;
        return yk == 1 ? -HUGE_VAL : HUGE_VAL;
    }
    if (x < 0) {
        if (!yk)
            return domain_error(1);
        r = pow_positive(-x, y);
        return yk == 1 ? -r : r;
    }
    return pow_positive(x, y);
}

/* e^(2^s a) - 1 for 0 <= a < 709, as a double-double (s = 0 or 1). */
static void expm1_dd(double a, double *h, double *l)
{
    double rh, rl, p;
    int k = reduce_ln2(a, 0.0, &rh, &rl);
    expm1_small(rh, rl, h, l);
    if (k) {
        p = scalbn(1.0, k);
        __dd_add(*h * p, *l * p, k <= 53 ? p - 1.0 : p, k <= 53 ? 0.0 : -1.0, h, l);
    }
}

/* e^a / 2 for a > 37, where e^-a no longer matters. */
static double half_exp(double a)
{
    double h, l;
    int k = exp_dd(a, 0.0, &h, &l);
    if (a > 709.782712893384 + 0.6931471805599453)
        errno = ERANGE;
    return scalbn(h + l, k - 1);
}

/* sinh a = (E + E / (E + 1)) / 2 with E = e^a - 1: no cancellation. */
double sinh(double x)
{
    double a = fabs(x), eh, el, qh, ql, r;
    if (isnan(x))
        return x + x;
    if (isinf(x) || a < 3.7252902984e-09)
        return x;
    if (a > 37) {
        r = a > 711 ? HUGE_VAL : half_exp(a);
    } else {
        expm1_dd(a, &eh, &el);
        __dd_add(eh, el, 1.0, 0.0, &qh, &ql);
        __dd_div(eh, el, qh, ql, &qh, &ql);
        __dd_add(eh, el, qh, ql, &eh, &el);
        r = 0.5 * (eh + el);
    }
    return x < 0 ? -r : r;
}

/* cosh a = (e^a + e^-a) / 2. */
double cosh(double x)
{
    double a = fabs(x), eh, el, qh, ql;
    if (isnan(x))
        return x * x;
    if (isinf(x))
        return a;
    if (a > 37)
        return a > 711 ? HUGE_VAL : half_exp(a);
    expm1_dd(a, &eh, &el);
    __dd_add(eh, el, 1.0, 0.0, &eh, &el);
    __dd_div(1.0, 0.0, eh, el, &qh, &ql);
    __dd_add(eh, el, qh, ql, &eh, &el);
    return 0.5 * (eh + el);
}

/* tanh a = E / (E + 2) with E = e^2a - 1. */
double tanh(double x)
{
    double a = fabs(x), eh, el, qh, ql, r;
    if (isnan(x))
        return x + x;
    if (a < 2.7755575615628914e-17)
        return x;
    if (a > 22) {
        r = 1.0;
    } else {
        expm1_dd(2 * a, &eh, &el);
        __dd_add(eh, el, 2.0, 0.0, &qh, &ql);
        __dd_div(eh, el, qh, ql, &qh, &ql);
        r = qh + ql;
    }
    return x < 0 ? -r : r;
}

/* log(1 + (uh + ul)) as a double-double, for u > -1. */
static void log1p_dd(double uh, double ul, double *h, double *l)
{
    double sh, sl;
    __dd_two_sum(1.0, uh, &sh, &sl);
    __dd_add(sh, sl, ul, 0.0, &sh, &sl);
    log_dd(sh, sl, h, l);
}

/* asinh a = log1p(a + a^2 / (1 + sqrt(1 + a^2))). */
double asinh(double x)
{
    double a = fabs(x), ph, pl, sh, sl, r;
    if (isnan(x))
        return x + x;
    if (isinf(x) || a < 3.7252902984e-09)
        return x;
    if (a > 1e150) {
        r = log(a) + LN2_DH;
    } else {
        __dd_two_prod(a, a, &ph, &pl);
        __dd_add(ph, pl, 1.0, 0.0, &sh, &sl);
        __dd_sqrt(sh, sl, &sh, &sl);
        __dd_add(sh, sl, 1.0, 0.0, &sh, &sl);
        __dd_div(ph, pl, sh, sl, &ph, &pl);
        __dd_add(ph, pl, a, 0.0, &ph, &pl);
        log1p_dd(ph, pl, &ph, &pl);
        r = ph + pl;
    }
    return x < 0 ? -r : r;
}

/* acosh x = log1p(t + sqrt(2t + t^2)) with t = x - 1 (exact). */
double acosh(double x)
{
    double t, ph, pl, sh, sl;
    if (isnan(x))
        return x + x;
    if (x < 1)
        return domain_error(1);
    if (x > 1e150)
        return isinf(x) ? x : log(x) + LN2_DH;
    if (x == 1)
        return 0.0;
    t = x - 1;
    __dd_two_prod(t, t, &ph, &pl);
    __dd_add(ph, pl, 2 * t, 0.0, &sh, &sl);
    __dd_sqrt(sh, sl, &sh, &sl);
    __dd_add(sh, sl, t, 0.0, &ph, &pl);
    log1p_dd(ph, pl, &ph, &pl);
    return ph + pl;
}

/* atanh a = log1p(2a / (1 - a)) / 2. */
double atanh(double x)
{
    double a = fabs(x), qh, ql;
    if (isnan(x))
        return x + x;
    if (a > 1)
        return domain_error(1);
    if (a == 1) {
        errno = ERANGE;
        return x / 0.0;
    }
    if (a < 3.7252902984e-09)
        return x;
    __dd_div(2 * a, 0.0, 1.0 - a, 0.0, &qh, &ql);
    log1p_dd(qh, ql, &qh, &ql);
    return x < 0 ? -0.5 * (qh + ql) : 0.5 * (qh + ql);
}

float expf(float x) { return (float)exp(x); }
float logf(float x) { return (float)log(x); }
float powf(float x, float y) { return (float)pow(x, y); }
