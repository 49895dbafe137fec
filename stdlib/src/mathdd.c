/* Double-double arithmetic for the math functions: a value is an
 * unevaluated sum hi + lo of two doubles (|lo| <= ulp(hi)/2), good for
 * about 106 bits.  Products are exact via Dekker's splitting (no fused
 * multiply-add is assumed), so results are the same on every tier.
 * Each function writes its result to *h and *l. */
#include <math.h>

void __dd_two_sum(double a, double b, double *h, double *l)
{
    double s = a + b, bb = s - a;
    *l = (a - (s - bb)) + (b - bb);
    *h = s;
}

static void fast_two_sum(double a, double b, double *h, double *l)
{
    double s = a + b;
    *l = b - (s - a);
    *h = s;
}

/* a * b = *h + *l exactly (for |a|, |b| below 2^995). */
void __dd_two_prod(double a, double b, double *h, double *l)
{
    double c = 134217729.0, t, ah, al, bh, bl, p;
    t = c * a;
    ah = t - (t - a);
    al = a - ah;
    t = c * b;
    bh = t - (t - b);
    bl = b - bh;
    p = a * b;
    *l = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    *h = p;
}

void __dd_add(double ah, double al, double bh, double bl, double *h, double *l)
{
    double s, e, t, f;
    __dd_two_sum(ah, bh, &s, &e);
    __dd_two_sum(al, bl, &t, &f);
    e += t;
    fast_two_sum(s, e, &s, &e);
    e += f;
    fast_two_sum(s, e, h, l);
}

void __dd_mul(double ah, double al, double bh, double bl, double *h, double *l)
{
    double p, e;
    __dd_two_prod(ah, bh, &p, &e);
    e += ah * bl + al * bh;
    fast_two_sum(p, e, h, l);
}

void __dd_div(double ah, double al, double bh, double bl, double *h, double *l)
{
    double q1, q2, ph, pl, rh, rl;
    q1 = ah / bh;
    __dd_mul(q1, 0.0, bh, bl, &ph, &pl);
    __dd_add(ah, al, -ph, -pl, &rh, &rl);
    q2 = rh / bh;
    __dd_mul(q2, 0.0, bh, bl, &ph, &pl);
    __dd_add(rh, rl, -ph, -pl, &rh, &rl);
    fast_two_sum(q1, q2, &q1, &q2);
    q2 += rh / bh;
    fast_two_sum(q1, q2, h, l);
}

/* sqrt of a double-double (ah > 0). */
void __dd_sqrt(double ah, double al, double *h, double *l)
{
    double s, ph, pl, rh, rl;
    s = sqrt(ah);
    __dd_two_prod(s, s, &ph, &pl);
    __dd_add(ah, al, -ph, -pl, &rh, &rl);
    fast_two_sum(s, rh / (2 * s), h, l);
}
