/* printf's %f %e %g %a: the text of a double, exactly as glibc prints it.
 *
 * glibc rounds the *exact* binary value (round half to even), so this does
 * too: exact_digits() expands m * 2^e into every one of its decimal digits
 * with big-integer arithmetic on base-10^9 limbs (a double has at most 767
 * significant decimal digits), and round_digits() then rounds that digit
 * string.  %a works on the bits directly. */
#include <string.h>

#define F_MINUS 1
#define F_PLUS 2
#define F_SPACE 4
#define F_HASH 8
#define F_ZERO 16

#define LIMBS 96            /* 96 * 9 digits > 767 significant digits */
#define LIMB_BASE 1000000000UL
#define MAX_DIGITS 800

static unsigned long double_bits(double v)
{
    unsigned long u;
    memcpy(&u, &v, sizeof u);
    return u;
}

/* Multiplies the big number limb[0..n) by mul (< 2^31); returns the new n. */
static int limbs_mul(unsigned int *limb, int n, unsigned long mul)
{
    unsigned long x, carry = 0;
    int i;
    for (i = 0; i < n; i++) {
        x = limb[i] * mul + carry;
        limb[i] = (unsigned int)(x % LIMB_BASE);
        carry = x / LIMB_BASE;
    }
    while (carry) {
        limb[n++] = (unsigned int)(carry % LIMB_BASE);
        carry /= LIMB_BASE;
    }
    return n;
}

/* Writes the significant decimal digits of m * 2^e2 (m > 0), without
 * leading or trailing zeros, into dig; returns their count and sets *point
 * so that the value is 0.DIGITS * 10^point. */
static int exact_digits(unsigned long m, int e2, char *dig, int *point)
{
    unsigned int limb[LIMBS];
    int n = 0, nd = 0, i, j, chunk;
    unsigned int x;
    char tmp[9];

    while (!(m & 1)) {
        m >>= 1;
        e2++;
    }
    while (m) {
        limb[n++] = (unsigned int)(m % LIMB_BASE);
        m /= LIMB_BASE;
    }
    /* m * 2^e2 = m * 2^e2 (e2 >= 0), or m * 5^k / 10^k with k = -e2. */
    for (i = e2; i > 0; i -= chunk) {
        chunk = i < 29 ? i : 29;
        n = limbs_mul(limb, n, 1UL << chunk);
    }
    for (i = -e2; i > 0; i -= chunk) {
        chunk = i < 13 ? i : 13;
        x = 1;
        for (j = 0; j < chunk; j++)
            x *= 5;
        n = limbs_mul(limb, n, x);
    }
    /* Digits, most significant limb first; only the top one is unpadded. */
    for (i = n - 1; i >= 0; i--) {
        x = limb[i];
        for (j = 8; j >= 0; j--) {
            tmp[j] = (char)('0' + x % 10);
            x /= 10;
        }
        j = 0;
        if (i == n - 1)
            while (j < 8 && tmp[j] == '0')
                j++;
        for (; j < 9; j++)
            dig[nd++] = tmp[j];
    }
    *point = nd + (e2 < 0 ? e2 : 0);
    while (nd > 0 && dig[nd - 1] == '0')
        nd--;
    return nd;
}

/* Rounds dig[0..nd) to `keep` digits, half to even on the exact value;
 * returns the new count (trailing zeros dropped).  A carry out of the top
 * digit (9.99 -> 10.0) increments *point. */
static int round_digits(char *dig, int nd, int keep, int *point)
{
    int up, i;
    if (keep >= nd)
        return nd;
    if (keep < 0)
        return 0;
    if (dig[keep] != '5')
        up = dig[keep] > '5';
    else if (keep + 1 < nd)
        up = 1;         /* digits are trimmed: something nonzero follows */
    else
        up = keep > 0 && ((dig[keep - 1] - '0') & 1);
    nd = keep;
    if (up) {
        for (i = keep - 1; i >= 0 && dig[i] == '9'; i--)
            ;
        if (i < 0) {
            dig[0] = '1';
            nd = 1;
            (*point)++;
        } else {
            dig[i]++;
            nd = i + 1;
        }
    }
    while (nd > 0 && dig[nd - 1] == '0')
        nd--;
    return nd;
}

/* %f body: the integer digits, the point, then up to prec fraction digits;
 * *zeros gets how many more fraction zeros follow. */
static int put_fixed(char *t, const char *dig, int nd, int point, int prec, int hash, int *zeros)
{
    int n = 0, i, pos, explicit;
    if (point <= 0)
        t[n++] = '0';
    else
        for (i = 0; i < point; i++)
            t[n++] = i < nd ? dig[i] : '0';
    if (prec > 0 || hash)
        t[n++] = '.';
    explicit = nd - point;
    if (explicit > prec)
        explicit = prec;
    if (explicit < 0)
        explicit = 0;
    for (i = 0; i < explicit; i++) {
        pos = point + i;
        t[n++] = pos >= 0 && pos < nd ? dig[pos] : '0';
    }
    *zeros = prec - explicit;
    return n;
}

/* %e body: d.ddd before the exponent; the exponent is added by the caller. */
static int put_mantissa(char *t, const char *dig, int nd, int prec, int hash, int *zeros)
{
    int n = 0, i, explicit;
    t[n++] = nd > 0 ? dig[0] : '0';
    if (prec > 0 || hash)
        t[n++] = '.';
    explicit = nd - 1;
    if (explicit > prec)
        explicit = prec;
    if (explicit < 0)
        explicit = 0;
    for (i = 0; i < explicit; i++)
        t[n++] = dig[1 + i];
    *zeros = prec - explicit;
    return n;
}

/* "e+05": the exponent marker, sign and at least `mindig` digits. */
static int put_exponent(char *t, int marker, int e, int mindig)
{
    char tmp[8];
    int n = 0, nd = 0;
    t[n++] = (char)marker;
    t[n++] = e < 0 ? '-' : '+';
    if (e < 0)
        e = -e;
    do {
        tmp[nd++] = (char)('0' + e % 10);
        e /= 10;
    } while (e);
    while (nd < mindig)
        tmp[nd++] = '0';
    while (nd > 0)
        t[n++] = tmp[--nd];
    return n;
}

/* %a: hex digits of the significand, rounded half to even when a
 * precision cuts them short. */
static int put_hex(char *t, unsigned long bits, int prec, int flags, int upper, int *zeros)
{
    const char *xd = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned long frac = bits & 0xFFFFFFFFFFFFFUL, rem, half;
    int biased = (int)(bits >> 52 & 0x7FF), lead = biased != 0, nnib = 13, n = 0, i, cut;

    if (prec >= 0 && prec < 13) {
        cut = 4 * (13 - prec);
        rem = frac & ((1UL << cut) - 1);
        half = 1UL << (cut - 1);
        frac >>= cut;
        if (rem > half || (rem == half && ((prec > 0 ? frac : (unsigned long)lead) & 1))) {
            frac++;
            if (frac >> (4 * prec)) {
                frac = 0;
                lead++;
            }
        }
        nnib = prec;
    } else if (prec < 0) {
        while (nnib > 0 && !(frac & 15)) {
            frac >>= 4;
            nnib--;
        }
    }
    t[n++] = '0';
    t[n++] = upper ? 'X' : 'x';
    t[n++] = (char)('0' + lead);
    if (nnib > 0 || (flags & F_HASH) || prec > 0)
        t[n++] = '.';
    for (i = nnib - 1; i >= 0; i--)
        t[n++] = xd[frac >> (4 * i) & 15];
    *zeros = prec > 13 ? prec - 13 : 0;
    return n;
}

/* Formats v for conversion conv into text: info[0] = length, info[1] =
 * where `info[2]` implied '0's go, info[3] = length of the sign and 0x
 * prefix (zero padding goes after it), info[4] = 1 for inf/nan (never
 * zero-padded).  Returns the length. */
int __fmt_float(char *text, double v, int conv, int prec, int flags, int *info)
{
    char dig[MAX_DIGITS];
    unsigned long bits = double_bits(v), m;
    int upper = conv == 'F' || conv == 'E' || conv == 'G' || conv == 'A';
    int lower_conv = upper ? conv + 32 : conv;
    int hash = (flags & F_HASH) != 0;
    int n = 0, nd = 0, point = 0, biased, zeros = 0, zeros_at, x, p;

    if (bits >> 63)
        text[n++] = '-';
    else if (flags & F_PLUS)
        text[n++] = '+';
    else if (flags & F_SPACE)
        text[n++] = ' ';
    info[3] = n;
    info[4] = 0;

    biased = (int)(bits >> 52 & 0x7FF);
    if (biased == 0x7FF) {
        memcpy(text + n, (bits & 0xFFFFFFFFFFFFFUL) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
        n += 3;
        info[0] = info[1] = n;
        info[2] = 0;
        info[4] = 1;
        return n;
    }
    if (lower_conv == 'a') {
        info[3] = n + 2;
        n += put_hex(text + n, bits, prec, flags, upper, &zeros);
        info[1] = n;
        n += put_exponent(text + n, upper ? 'P' : 'p',
                          (int)(biased == 0 ? ((bits & 0xFFFFFFFFFFFFFUL) ? -1022 : 0) : biased - 1023), 1);
        info[0] = n;
        info[2] = zeros;
        return n;
    }

    if (prec < 0)
        prec = 6;
    m = bits & 0xFFFFFFFFFFFFFUL;
    if (biased != 0 || m != 0) {
        if (biased != 0)
            m |= 1UL << 52;
        else
            biased = 1;
        nd = exact_digits(m, biased - 1075, dig, &point);
    }

    if (lower_conv == 'f') {
        /* Past 2000 decimals nothing is left to round (767 digits max). */
        nd = round_digits(dig, nd, prec > 2000 ? nd : point + prec, &point);
        n += put_fixed(text + n, dig, nd, point, prec, hash, &zeros);
        zeros_at = n;
    } else if (lower_conv == 'e') {
        nd = round_digits(dig, nd, prec > 2000 ? nd : prec + 1, &point);
        n += put_mantissa(text + n, dig, nd, prec, hash, &zeros);
        zeros_at = n;
        n += put_exponent(text + n, upper ? 'E' : 'e', nd > 0 ? point - 1 : 0, 2);
    } else {
        /* %g: P significant digits, in %e style if the exponent X is < -4
         * or >= P, else %f style; trailing zeros go unless '#'. */
        p = prec == 0 ? 1 : prec;
        x = point;
        nd = round_digits(dig, nd, p > 2000 ? nd : p, &point);
        if (nd > 0 && x == p && point == p + 1) {
            /* glibc quirk: 999999.5 with %#g picks %f style (exponent 5)
             * before rounding carries it to 1e+06, then prints that in %e
             * style with %f's zero fraction digits: "1.e+06". */
            p = 1;
        }
        x = nd > 0 ? point - 1 : 0;
        if (x < p && x >= -4) {
            p = p - 1 - x;
            if (!hash && p > nd - point)
                p = nd - point > 0 ? nd - point : 0;
            n += put_fixed(text + n, dig, nd, point, p, hash, &zeros);
            zeros_at = n;
        } else {
            p = p - 1;
            if (!hash && p > nd - 1)
                p = nd - 1 > 0 ? nd - 1 : 0;
            n += put_mantissa(text + n, dig, nd, p, hash, &zeros);
            zeros_at = n;
            n += put_exponent(text + n, upper ? 'E' : 'e', x, 2);
        }
    }
    info[0] = n;
    info[1] = zeros_at;
    info[2] = zeros;
    return n;
}
