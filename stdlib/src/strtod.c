/* strtod, strtof, atof: decimal and hexadecimal text to the nearest double.
 *
 * Correct rounding needs exact arithmetic: the significant digits D and
 * decimal exponent E (value = D * 10^E) become a big binary integer
 * X = D * 10^E, or for E < 0 the quotient floor(D * 2^s / 10^-E) computed by
 * exact division by small powers of ten (nonzero remainders set a sticky
 * bit).  The top 64 bits of that integer plus the sticky bit are then
 * rounded half to even to 53 bits, or fewer for subnormal results.  Digits
 * past the 800th can only break a tie, so they are kept as a sticky digit. */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>

#define MAX_SIG 800             /* significant digits kept exactly */
#define LIMBS 160               /* 160 * 32 bits covers 10^800 * 2^... */

struct big {
    unsigned int limb[LIMBS];   /* little-endian base 2^32 */
    int n;
};

static void big_mul_add(struct big *b, unsigned long mul, unsigned long add)
{
    unsigned long x, carry = add;
    int i;
    for (i = 0; i < b->n; i++) {
        x = (unsigned long)b->limb[i] * mul + carry;
        b->limb[i] = (unsigned int)x;
        carry = x >> 32;
    }
    if (carry && b->n < LIMBS)
        b->limb[b->n++] = (unsigned int)carry;
}

/* Divides by d (< 2^31) in place; returns the remainder. */
static unsigned long big_div(struct big *b, unsigned long d)
{
    unsigned long rem = 0, x;
    int i;
    for (i = b->n - 1; i >= 0; i--) {
        x = rem << 32 | b->limb[i];
        b->limb[i] = (unsigned int)(x / d);
        rem = x % d;
    }
    while (b->n > 0 && b->limb[b->n - 1] == 0)
        b->n--;
    return rem;
}

static void big_shl(struct big *b, int s)
{
    int words = s / 32, bits = s % 32, i;
    if (b->n == 0)
        return;
    if (bits) {
        b->limb[b->n] = 0;
        for (i = b->n; i > 0; i--)
            b->limb[i] = b->limb[i] << bits | b->limb[i - 1] >> (32 - bits);
        b->limb[0] <<= bits;
        b->n++;
    }
    if (words) {
        for (i = b->n - 1; i >= 0; i--)
            b->limb[i + words] = b->limb[i];
        for (i = 0; i < words; i++)
            b->limb[i] = 0;
        b->n += words;
    }
    while (b->n > 0 && b->limb[b->n - 1] == 0)
        b->n--;
}

static int big_bits(const struct big *b)
{
    unsigned int top;
    int bits;
    if (b->n == 0)
        return 0;
    top = b->limb[b->n - 1];
    bits = 32 * (b->n - 1);
    while (top) {
        bits++;
        top >>= 1;
    }
    return bits;
}

/* The top 64 bits of b (which has `bits` bits, >= 64), with *sticky set
 * if any bit below them is 1. */
static unsigned long big_top64(const struct big *b, int bits, int *sticky)
{
    unsigned long r = 0;
    int i, bit;
    for (i = 0; i < 64; i++) {
        bit = bits - 1 - i;
        r = r << 1 | (b->limb[bit / 32] >> (bit % 32) & 1);
    }
    for (bit = bits - 65; bit >= 0 && !*sticky; bit--)
        if (b->limb[bit / 32] >> (bit % 32) & 1)
            *sticky = 1;
    return r;
}

static double from_bits(unsigned long u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* The double nearest m * 2^e (m != 0), where `sticky` says the true value
 * is a little above m * 2^e.  Sets errno on overflow and on inexact
 * underflow, as glibc does. */
static double round_binary(unsigned long m, int e, int sticky, int negative)
{
    unsigned long sign = negative ? 1UL << 63 : 0, half, rest;
    int shift;

    while (!(m >> 63)) {
        m <<= 1;
        e--;
    }
    /* value = m * 2^e with bit 63 set: its exponent is e + 63. */
    shift = 11;
    if (e + 63 < -1022)
        shift = 11 + (-1022 - (e + 63));
    if (shift > 64) {
        errno = ERANGE;
        return from_bits(sign);
    }
    if (shift == 64) {
        rest = m;
        m = 0;
    } else {
        rest = m & ((1UL << shift) - 1);
        m >>= shift;
    }
    half = 1UL << (shift - 1);
    if (rest > half || (rest == half && (sticky || (m & 1))))
        m++;
    e += shift;
    if (m >> 53) {
        m >>= 1;
        e++;
    }
    if ((rest || sticky) && (m >> 52) == 0)
        errno = ERANGE;
    if (m == 0)
        return from_bits(sign);
    if ((m >> 52) == 0)              /* subnormal: e is -1074 here */
        return from_bits(sign | m);
    if (e + 52 > 1023) {
        errno = ERANGE;
        return from_bits(sign | 0x7FF0000000000000UL);
    }
    return from_bits(sign | (unsigned long)(e + 52 + 1023) << 52 | (m & 0xFFFFFFFFFFFFFUL));
}

/* value = D * 10^e10, D given by its digits. */
static double decimal_to_double(const char *dig, int nd, long e10, int negative)
{
    static struct big b;
    unsigned long m, rem;
    int i, chunk, bits, s, sticky = 0;
    unsigned long p;

    if (nd + e10 > 310) {
        errno = ERANGE;
        return from_bits((negative ? 1UL << 63 : 0) | 0x7FF0000000000000UL);
    }
    if (nd + e10 < -330) {
        errno = ERANGE;
        return from_bits(negative ? 1UL << 63 : 0);
    }
    b.n = 0;
    for (i = 0; i < nd; i += chunk) {
        chunk = nd - i < 9 ? nd - i : 9;
        p = 1;
        m = 0;
        for (s = 0; s < chunk; s++) {
            p *= 10;
            m = m * 10 + (unsigned long)(dig[i + s] - '0');
        }
        if (b.n == 0) {
            if (m)
                b.limb[b.n++] = (unsigned int)m;
        } else {
            big_mul_add(&b, p, m);
        }
    }
    if (b.n == 0)
        return from_bits(negative ? 1UL << 63 : 0);
    if (e10 >= 0) {
        for (i = 0; i < e10; i += chunk) {
            chunk = e10 - i < 9 ? (int)(e10 - i) : 9;
            for (p = 1, s = 0; s < chunk; s++)
                p *= 10;
            big_mul_add(&b, p, 0);
        }
        s = 0;
    } else {
        /* Enough extra bits that the quotient keeps 66 of them. */
        s = 66 + (int)((-e10 * 3402L) / 1024) + 1 - big_bits(&b);
        if (s < 0)
            s = 0;
        big_shl(&b, s);
        for (i = 0; i < -e10; i += chunk) {
            chunk = -e10 - i < 9 ? (int)(-e10 - i) : 9;
            for (p = 1, rem = 0; rem < (unsigned long)chunk; rem++)
                p *= 10;
            if (big_div(&b, p))
                sticky = 1;
        }
        s = -s;
    }
    bits = big_bits(&b);
    if (bits <= 64) {
        m = 0;
        for (i = b.n - 1; i >= 0; i--)
            m = m << 32 | b.limb[i];
        return round_binary(m, s, sticky, negative);
    }
    m = big_top64(&b, bits, &sticky);
    return round_binary(m, s + bits - 64, sticky, negative);
}

static int match_word(const char *s, const char *word)
{
    int i;
    for (i = 0; word[i]; i++)
        if (tolower((unsigned char)s[i]) != word[i])
            return 0;
    return 1;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* 0x1.8p3: hex digits then a binary exponent.  Returns 0 if there are
 * no hex digits. */
static int parse_hex(const char *s, const char **end, int negative, double *out)
{
    unsigned long m = 0;
    long e = 0, pe = 0;
    int any = 0, sticky = 0, h, pneg = 0, point = 0;
    const char *t;

    for (;; s++) {
        if (*s == '.' && !point) {
            point = 1;
            continue;
        }
        h = hex_value((unsigned char)*s);
        if (h < 0)
            break;
        any = 1;
        if (m >> 60) {
            if (h)
                sticky = 1;
            if (!point)
                e += 4;
        } else {
            m = m << 4 | (unsigned long)h;
            if (point)
                e -= 4;
        }
    }
    if (!any)
        return 0;
    if (*s == 'p' || *s == 'P') {
        t = s + 1;
        if (*t == '-' || *t == '+')
            pneg = *t++ == '-';
        if (isdigit((unsigned char)*t)) {
            while (isdigit((unsigned char)*t)) {
                if (pe < 100000)
                    pe = pe * 10 + (*t - '0');
                t++;
            }
            s = t;
            e += pneg ? -pe : pe;
        }
    }
    *end = s;
    if (e > 2000)
        e = 2000;
    if (e < -2000)
        e = -2000;
    *out = m ? round_binary(m, (int)e, sticky, negative) : from_bits(negative ? 1UL << 63 : 0);
    return 1;
}

double strtod(const char *nptr, char **endptr)
{
    static char dig[MAX_SIG + 1];
    const char *s = nptr, *end;
    int negative = 0, nd = 0, any = 0, point = 0, eneg = 0, dropped = 0;
    long e10 = 0, ex = 0;
    double r;

    while (isspace((unsigned char)*s))
        s++;
    if (*s == '-' || *s == '+')
        negative = *s++ == '-';
    if (match_word(s, "inf")) {
        s += match_word(s, "infinity") ? 8 : 3;
        if (endptr)
            *endptr = (char *)s;
        return from_bits((negative ? 1UL << 63 : 0) | 0x7FF0000000000000UL);
    }
    if (match_word(s, "nan")) {
        unsigned long payload = 0;
        char *pend;
        s += 3;
        if (*s == '(') {
            for (end = s + 1; isalnum((unsigned char)*end) || *end == '_'; end++)
                ;
            if (*end == ')') {
                /* glibc puts a numeric n-char-sequence in the payload. */
                payload = strtoul(s + 1, &pend, 0);
                if (pend != end)
                    payload = 0;
                s = end + 1;
            }
        }
        if (endptr)
            *endptr = (char *)s;
        return from_bits((negative ? 1UL << 63 : 0) | 0x7FF8000000000000UL
                         | (payload & 0x7FFFFFFFFFFFFUL));
    }
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        if (!parse_hex(s + 2, &end, negative, &r)) {
            /* "0x" without hex digits: just the "0". */
            if (endptr)
                *endptr = (char *)(s + 1);
            return from_bits(negative ? 1UL << 63 : 0);
        }
        if (endptr)
            *endptr = (char *)end;
        return r;
    }
    for (;; s++) {
        if (*s == '.' && !point) {
            point = 1;
            continue;
        }
        if (!isdigit((unsigned char)*s))
            break;
        any = 1;
        if (*s == '0' && nd == 0) {
            if (point)
                e10--;
            continue;
        }
        if (nd < MAX_SIG) {
            dig[nd++] = *s;
            if (point)
                e10--;
        } else {
            if (*s != '0')
                dropped = 1;
            if (!point)
                e10++;
        }
    }
    if (!any) {
        if (endptr)
            *endptr = (char *)nptr;
        return 0.0;
    }
    if (dropped) {
        /* A sticky digit for everything cut off: only ties care. */
        dig[nd++] = '1';
        e10--;
    }
    if (*s == 'e' || *s == 'E') {
        end = s + 1;
        if (*end == '-' || *end == '+')
            eneg = *end++ == '-';
        if (isdigit((unsigned char)*end)) {
            while (isdigit((unsigned char)*end)) {
                if (ex < 100000)
                    ex = ex * 10 + (*end - '0');
                end++;
            }
            s = end;
            e10 += eneg ? -ex : ex;
        }
    }
    if (endptr)
        *endptr = (char *)s;
    return decimal_to_double(dig, nd, e10, negative);
}

float strtof(const char *s, char **end)
{
    return (float)strtod(s, end);
}

double atof(const char *s)
{
    return strtod(s, NULL);
}
