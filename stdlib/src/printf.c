/* The printf family, written once: every variant formats through
 * format() into a sink, which is either a caller's string (snprintf and
 * friends: bytes past the end are counted, not stored) or a stream (output
 * is gathered in a local block and handed to the stream in large pieces, so
 * an unbuffered stderr gets one write per call, as with glibc).
 *
 * Conversions: d i u o x X c s p n m % and, via fmtfloat.c, f F e E g G a A;
 * flags - + space # 0; width and precision (also *); length modifiers hh h
 * l ll q j z Z t L.  Output matches glibc, including its choices where C
 * leaves things open: "(nil)" for a null %p, "(null)" for a null %s. */
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#define F_MINUS 1
#define F_PLUS 2
#define F_SPACE 4
#define F_HASH 8
#define F_ZERO 16

#define FLOAT_TEXT 1600     /* longest %f/%e text before implied zeros */

/* Under pvm a copy is one MEMCPY instruction rather than a call. */
#ifdef __pvm__
#define COPY(d, s, n) __builtin_memmove(d, s, n)
#else
#define COPY(d, s, n) memcpy(d, s, n)
#endif

int __fmt_float(char *text, double v, int conv, int prec, int flags, int *info);

struct sink {
    FILE *f;            /* stream to write to, or NULL for a string */
    char *buf;          /* the string, or the stream's gathering block */
    size_t cap;         /* bytes buf can hold */
    size_t used;        /* bytes in buf */
    size_t total;       /* bytes produced, stored or not */
    int error;          /* a stream write failed */
};

struct spec {
    int flags;
    int width;
    int prec;           /* -1 when absent */
    int conv;
};

static void sink_flush(struct sink *k)
{
    if (k->f && k->used) {
        if (__stdio_write(k->f, k->buf, k->used) != k->used)
            k->error = 1;
        k->used = 0;
    }
}

static void out(struct sink *k, const char *s, size_t n)
{
    size_t room;
    k->total += n;
    if (!k->f) {
        if (k->used < k->cap) {
            room = k->cap - k->used;
            if (n < room)
                room = n;
            COPY(k->buf + k->used, s, room);
            k->used += room;
        }
        return;
    }
    if (n <= k->cap - k->used) {
        COPY(k->buf + k->used, s, n);
        k->used += n;
        return;
    }
    if (n > k->cap) {
        sink_flush(k);
        if (__stdio_write(k->f, s, n) != n)
            k->error = 1;
        return;
    }
    while (n > 0) {
        if (k->used == k->cap)
            sink_flush(k);
        room = k->cap - k->used;
        if (n < room)
            room = n;
        COPY(k->buf + k->used, s, room);
        k->used += room;
        s += room;
        n -= room;
    }
}

static void pad(struct sink *k, char c, long n)
{
    char block[64];
    long i, chunk;
    if (n <= 0)
        return;
    chunk = n < 64 ? n : 64;
#ifdef __pvm__
    __builtin_memset(block, c, (size_t)chunk);
    (void)i;
#else
    for (i = 0; i < chunk; i++)
        block[i] = c;
#endif
    while (n > 0) {
        chunk = n < 64 ? n : 64;
        out(k, block, (size_t)chunk);
        n -= chunk;
    }
}

/* Text with width: s[0..n) right-aligned in spaces, or left with '-'. */
static void out_field(struct sink *k, const char *s, size_t n, const struct spec *sp)
{
    long fill = sp->width - (long)n;
    if (fill > 0 && !(sp->flags & F_MINUS))
        pad(k, ' ', fill);
    out(k, s, n);
    if (fill > 0 && (sp->flags & F_MINUS))
        pad(k, ' ', fill);
}

/* An integer conversion: prefix (sign or 0x), zeros for the precision or
 * the 0 flag, then the digits. */
static void format_int(struct sink *k, unsigned long v, int negative, const struct spec *sp)
{
    char digits[24];
    char prefix[3];
    const char *xdigits = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    int nd = 0, np = 0, zeros, conv = sp->conv;
    long len, fill;
    char *end = digits + sizeof digits;

    if (!(v == 0 && sp->prec == 0)) {
        if (conv == 'x' || conv == 'X' || conv == 'p') {
            do {
                end[-++nd] = xdigits[v & 15];
                v >>= 4;
            } while (v);
        } else if (conv == 'o') {
            do {
                end[-++nd] = (char)('0' + (v & 7));
                v >>= 3;
            } while (v);
        } else {
            do {
                end[-++nd] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
        }
    }
    zeros = sp->prec > nd ? sp->prec - nd : 0;
    if (conv == 'o' && (sp->flags & F_HASH) && zeros == 0 && (nd == 0 || end[-nd] != '0'))
        zeros = 1;
    if (conv == 'd' || conv == 'i' || conv == 'p') {
        /* glibc honours '+' and ' ' for %p too. */
        if (negative)
            prefix[np++] = '-';
        else if (sp->flags & F_PLUS)
            prefix[np++] = '+';
        else if (sp->flags & F_SPACE)
            prefix[np++] = ' ';
    }
    if (conv == 'p' || ((sp->flags & F_HASH) && (conv == 'x' || conv == 'X') && nd > 0
                               && !(nd == 1 && end[-1] == '0'))) {
        prefix[np++] = '0';
        prefix[np++] = conv == 'X' ? 'X' : 'x';
    }
    len = np + zeros + nd;
    fill = sp->width - len;
    if ((sp->flags & (F_ZERO | F_MINUS)) == F_ZERO && sp->prec < 0 && fill > 0) {
        zeros += (int)fill;
        fill = 0;
    }
    if (fill > 0 && !(sp->flags & F_MINUS))
        pad(k, ' ', fill);
    if (np)
        out(k, prefix, (size_t)np);
    if (zeros)
        pad(k, '0', zeros);
    out(k, end - nd, (size_t)nd);
    if (fill > 0 && (sp->flags & F_MINUS))
        pad(k, ' ', fill);
}

static void format_double(struct sink *k, double v, const struct spec *sp)
{
    char text[FLOAT_TEXT];
    int info[5];    /* length, zeros_at, zeros, prefix length, special */
    long len, fill;
    int zeros;

    __fmt_float(text, v, sp->conv, sp->prec, sp->flags, info);
    zeros = info[2];
    len = info[0] + zeros;
    fill = sp->width - len;
    if ((sp->flags & (F_ZERO | F_MINUS)) == F_ZERO && !info[4] && fill > 0) {
        out(k, text, (size_t)info[3]);
        pad(k, '0', fill);
        out(k, text + info[3], (size_t)(info[1] - info[3]));
    } else {
        if (!(sp->flags & F_MINUS))
            pad(k, ' ', fill);
        out(k, text, (size_t)info[1]);
    }
    pad(k, '0', zeros);
    out(k, text + info[1], (size_t)(info[0] - info[1]));
    if (sp->flags & F_MINUS)
        pad(k, ' ', fill);
}

/* One conversion specification, *pp pointing just after its '%': parses
 * flags, width, precision and length, fetches the argument and formats it;
 * leaves *pp after the specification.  Returns 0 at the end of the format. */
static int convert(struct sink *k, const char **pp, va_list *app)
{
    const char *p = *pp, *start = p - 1, *s;
    struct spec sp;
    int len, n;
    long sv;
    unsigned long uv;
    char c;

    sp.flags = 0;
    for (;; p++) {
        if (*p == '-') sp.flags |= F_MINUS;
        else if (*p == '+') sp.flags |= F_PLUS;
        else if (*p == ' ') sp.flags |= F_SPACE;
        else if (*p == '#') sp.flags |= F_HASH;
        else if (*p == '0') sp.flags |= F_ZERO;
        else if (*p == '\'') ;
        else break;
    }
    sp.width = 0;
    if (*p == '*') {
        sp.width = va_arg(*app, int);
        if (sp.width < 0) {
            sp.flags |= F_MINUS;
            sp.width = -sp.width;
        }
        p++;
    } else {
        while (*p >= '0' && *p <= '9')
            sp.width = sp.width * 10 + (*p++ - '0');
    }
    sp.prec = -1;
    if (*p == '.') {
        p++;
        if (*p == '*') {
            sp.prec = va_arg(*app, int);
            if (sp.prec < 0)
                sp.prec = -1;
            p++;
        } else {
            sp.prec = 0;
            while (*p >= '0' && *p <= '9')
                sp.prec = sp.prec * 10 + (*p++ - '0');
        }
    }
    /* Length: 0 int, 1 char, 2 short, 3 long (every 64-bit kind). */
    len = 0;
    if (*p == 'h') {
        len = 2;
        if (*++p == 'h') {
            len = 1;
            p++;
        }
    } else if (*p == 'l') {
        len = 3;
        if (*++p == 'l')
            p++;
    } else if (*p == 'q' || *p == 'j' || *p == 'z' || *p == 'Z' || *p == 't') {
        len = 3;
        p++;
    } else if (*p == 'L') {
        p++;
    }
    sp.conv = *p;
    if (!*p) {
        out(k, start, (size_t)(p - start));
        *pp = p;
        return 0;
    }
    p++;
    *pp = p;

    switch (sp.conv) {
    case 'd':
    case 'i':
        if (len == 3)
            sv = va_arg(*app, long);
        else
            sv = va_arg(*app, int);
        if (len == 1)
            sv = (signed char)sv;
        else if (len == 2)
            sv = (short)sv;
        uv = sv < 0 ? 0UL - (unsigned long)sv : (unsigned long)sv;
        format_int(k, uv, sv < 0, &sp);
        break;
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        if (len == 3)
            uv = va_arg(*app, unsigned long);
        else
            uv = va_arg(*app, unsigned int);
        if (len == 1)
            uv = (unsigned char)uv;
        else if (len == 2)
            uv = (unsigned short)uv;
        format_int(k, uv, 0, &sp);
        break;
    case 'p':
        uv = (unsigned long)va_arg(*app, void *);
        if (uv == 0) {
            sp.conv = 's';
            out_field(k, "(nil)", 5, &sp);
        } else {
            format_int(k, uv, 0, &sp);
        }
        break;
    case 'c':
        c = (char)va_arg(*app, int);
        out_field(k, &c, 1, &sp);
        break;
    case 's':
        s = va_arg(*app, const char *);
        if (!s)
            s = sp.prec < 0 || sp.prec >= 6 ? "(null)" : "";
        n = 0;
        if (sp.prec < 0)
            n = (int)strlen(s);
        else
            while (n < sp.prec && s[n])
                n++;
        out_field(k, s, (size_t)n, &sp);
        break;
    case 'm':
        s = strerror(errno);
        n = (int)strlen(s);
        if (sp.prec >= 0 && sp.prec < n)
            n = sp.prec;
        out_field(k, s, (size_t)n, &sp);
        break;
    case 'n':
        if (len == 3)
            *va_arg(*app, long *) = (long)k->total;
        else if (len == 2)
            *va_arg(*app, short *) = (short)k->total;
        else if (len == 1)
            *va_arg(*app, signed char *) = (signed char)k->total;
        else
            *va_arg(*app, int *) = (int)k->total;
        break;
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
        format_double(k, va_arg(*app, double), &sp);
        break;
    case '%':
        out(k, "%", 1);
        break;
    default:
        /* Unknown conversions are printed as written, as glibc does. */
        out(k, start, (size_t)(p - start));
        break;
    }
    return 1;
}

/* The formatting core: copies literal text and hands each conversion to
 * convert(), except plain %d and %s, the ones used most, done inline.
 * The arguments are reached through a pointer to one va_list, which is
 * portable between pvm's pointer va_list and gcc's array one. */
static void format(struct sink *k, const char *fmt, va_list *app)
{
    const char *p = fmt, *start, *s;
    long sv;
    unsigned long uv;
    char digits[24], *d;

    for (;;) {
        start = p;
        while (*p && *p != '%')
            p++;
        if (p > start)
            out(k, start, (size_t)(p - start));
        if (!*p)
            return;
        p++;
        if (*p == 'd') {
            p++;
            sv = va_arg(*app, int);
            uv = sv < 0 ? 0UL - (unsigned long)sv : (unsigned long)sv;
            d = digits + sizeof digits;
            do {
                *--d = (char)('0' + uv % 10);
                uv /= 10;
            } while (uv);
            if (sv < 0)
                *--d = '-';
            out(k, d, (size_t)(digits + sizeof digits - d));
        } else if (*p == 's') {
            p++;
            s = va_arg(*app, const char *);
            if (!s)
                s = "(null)";
            out(k, s, strlen(s));
        } else if (!convert(k, &p, app)) {
            return;
        }
    }
}

/* Formats into a string of n bytes (NUL included); returns the length the
 * whole output has, stored or not. */
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
    struct sink k;
    va_list aq;
    k.f = NULL;
    k.buf = s;
    k.cap = n > 0 ? n - 1 : 0;
    k.used = 0;
    k.total = 0;
    k.error = 0;
    va_copy(aq, ap);
    format(&k, fmt, &aq);
    va_end(aq);
    if (n > 0)
        s[k.used] = 0;
    return (int)k.total;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    char block[1024];
    struct sink k;
    va_list aq;
    k.f = f;
    k.buf = block;
    k.cap = sizeof block;
    k.used = 0;
    k.total = 0;
    k.error = 0;
    va_copy(aq, ap);
    format(&k, fmt, &aq);
    va_end(aq);
    sink_flush(&k);
    return k.error ? -1 : (int)k.total;
}

int vsprintf(char *s, const char *fmt, va_list ap)
{
    return vsnprintf(s, (size_t)-1 / 2, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}

int vasprintf(char **sp, const char *fmt, va_list ap)
{
    va_list aq;
    int n;
    va_copy(aq, ap);
    n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    *sp = malloc((size_t)n + 1);
    if (!*sp)
        return -1;
    va_copy(aq, ap);
    vsnprintf(*sp, (size_t)n + 1, fmt, aq);
    va_end(aq);
    return n;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
    char block[1024];
    va_list aq;
    int n;
    char *big;
    va_copy(aq, ap);
    n = vsnprintf(block, sizeof block, fmt, aq);
    va_end(aq);
    if (n < (int)sizeof block)
        return (int)write(fd, block, (size_t)n);
    if (vasprintf(&big, fmt, ap) < 0)
        return -1;
    n = (int)write(fd, big, (size_t)n);
    free(big);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

int dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vdprintf(fd, fmt, ap);
    va_end(ap);
    return n;
}

int sprintf(char *s, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(s, (size_t)-1 / 2, fmt, ap);
    va_end(ap);
    return n;
}

int snprintf(char *s, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(s, size, fmt, ap);
    va_end(ap);
    return n;
}

int asprintf(char **sp, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vasprintf(sp, fmt, ap);
    va_end(ap);
    return n;
}
