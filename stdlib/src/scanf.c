/* The scanf family, written once: scan() reads from a source that is
 * either a string (sscanf) or a stream (fscanf, scanf), and converts
 * numbers with strtol/strtoul/strtod on the characters it took.
 *
 * Conversions: d i u o x X p c s [set] f e g a E G F A n %, with '*'
 * (no assignment), a maximum field width, and length modifiers hh h l ll
 * j z t L.  Like glibc, a stream source can push back one character only,
 * so "1e" followed by a non-digit loses its 'e'. */
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define NUMBUF 400

struct source {
    FILE *f;            /* stream, or NULL for the string s */
    const char *s;
    long count;         /* characters consumed, for %n */
};

static int get(struct source *in)
{
    int c;
    if (in->f) {
        c = fgetc(in->f);
    } else {
        c = (unsigned char)*in->s;
        if (c)
            in->s++;
        else
            c = EOF;
    }
    if (c != EOF)
        in->count++;
    return c;
}

static void unget(struct source *in, int c)
{
    if (c == EOF)
        return;
    in->count--;
    if (in->f)
        ungetc(c, in->f);
    else
        in->s--;
}

/* Skips white space; returns the first other character (consumed). */
static int skip_space(struct source *in)
{
    int c;
    do
        c = get(in);
    while (c != EOF && isspace(c));
    return c;
}

static int digit_in_base(int c, int base)
{
    if (base == 16)
        return isxdigit(c);
    if (base == 8)
        return c >= '0' && c <= '7';
    return isdigit(c);
}

/* Reads an integer's characters (c is the first); returns how many
 * digits there were, and the base in *base. */
static int collect_int(struct source *in, int c, char *buf, int max, int *base)
{
    int n = 0, digits = 0;
    if (n < max && (c == '+' || c == '-')) {
        buf[n++] = (char)c;
        c = get(in);
    }
    if (n < max && c == '0' && (*base == 16 || *base == 0)) {
        buf[n++] = (char)c;
        digits++;
        c = get(in);
        if (n < max && (c == 'x' || c == 'X')) {
            buf[n++] = (char)c;
            c = get(in);
            *base = 16;
        } else if (*base == 0) {
            *base = 8;
        }
    }
    if (*base == 0)
        *base = 10;
    while (n < max && c != EOF && digit_in_base(c, *base)) {
        buf[n++] = (char)c;
        digits++;
        c = get(in);
    }
    unget(in, c);
    buf[n] = 0;
    return digits;
}

/* Reads a floating-point number's characters; returns the digit count
 * (letters of inf/nan count). */
static int collect_float(struct source *in, int c, char *buf, int max)
{
    int n = 0, digits = 0, hex = 0, point = 0;
    if (n < max && (c == '+' || c == '-')) {
        buf[n++] = (char)c;
        c = get(in);
    }
    if (c == 'i' || c == 'I' || c == 'n' || c == 'N') {
        while (n < max && c != EOF && (isalnum(c) || c == '(' || c == ')' || c == '_')) {
            buf[n++] = (char)c;
            digits++;
            c = get(in);
        }
        unget(in, c);
        buf[n] = 0;
        return digits;
    }
    if (n < max && c == '0') {
        buf[n++] = (char)c;
        digits++;
        c = get(in);
        if (n < max && (c == 'x' || c == 'X')) {
            buf[n++] = (char)c;
            hex = 1;
            c = get(in);
        }
    }
    while (n < max && c != EOF) {
        if (c == '.' && !point) {
            point = 1;
        } else if (hex ? isxdigit(c) : isdigit(c)) {
            digits++;
        } else {
            break;
        }
        buf[n++] = (char)c;
        c = get(in);
    }
    if (digits && n < max && (hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E'))) {
        buf[n++] = (char)c;
        c = get(in);
        if (n < max && (c == '+' || c == '-')) {
            buf[n++] = (char)c;
            c = get(in);
        }
        while (n < max && c != EOF && isdigit(c)) {
            buf[n++] = (char)c;
            c = get(in);
        }
    }
    unget(in, c);
    buf[n] = 0;
    return digits;
}

/* Parses "[...]" after the '['; fills set and returns the format after ']'. */
static const char *scanset(const char *fmt, unsigned char *set)
{
    int negate = 0, i, lo, hi;
    memset(set, 0, 256);
    if (*fmt == '^') {
        negate = 1;
        fmt++;
    }
    if (*fmt == ']') {
        set[']'] = 1;
        fmt++;
    }
    while (*fmt && *fmt != ']') {
        if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {
            lo = (unsigned char)fmt[0];
            hi = (unsigned char)fmt[2];
            for (i = lo; i <= hi; i++)
                set[i] = 1;
            fmt += 3;
        } else {
            set[(unsigned char)*fmt++] = 1;
        }
    }
    if (*fmt == ']')
        fmt++;
    if (negate)
        for (i = 0; i < 256; i++)
            set[i] = !set[i];
    return fmt;
}

static int scan(struct source *in, const char *fmt, va_list ap)
{
    char buf[NUMBUF + 1];
    unsigned char set[256];
    int assigned = 0, converted = 0, c, width, suppress, len, conv, base, n;
    char *out;
    long sv;
    unsigned long uv;
    double dv;

    while (*fmt) {
        if (isspace((unsigned char)*fmt)) {
            while (isspace((unsigned char)*fmt))
                fmt++;
            unget(in, skip_space(in));
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {
            if (*fmt == '%') {
                fmt++;
                c = skip_space(in);
            } else {
                c = get(in);
            }
            if (c != (unsigned char)*fmt) {
                unget(in, c);
                return c == EOF && !converted ? EOF : assigned;
            }
            fmt++;
            continue;
        }
        fmt++;
        suppress = 0;
        if (*fmt == '*') {
            suppress = 1;
            fmt++;
        }
        width = 0;
        while (isdigit((unsigned char)*fmt))
            width = width * 10 + (*fmt++ - '0');
        len = 0;            /* 0 int, 1 char, 2 short, 3 long, 4 long double */
        if (*fmt == 'h') {
            len = 2;
            if (*++fmt == 'h') {
                len = 1;
                fmt++;
            }
        } else if (*fmt == 'l') {
            len = 3;
            if (*++fmt == 'l')
                fmt++;
        } else if (*fmt == 'j' || *fmt == 'z' || *fmt == 't' || *fmt == 'q') {
            len = 3;
            fmt++;
        } else if (*fmt == 'L') {
            len = 4;
            fmt++;
        }
        conv = (unsigned char)*fmt++;
        if (conv == 0)
            break;

        if (conv == 'n') {
            if (!suppress) {
                if (len == 3)
                    *va_arg(ap, long *) = in->count;
                else if (len == 2)
                    *va_arg(ap, short *) = (short)in->count;
                else if (len == 1)
                    *va_arg(ap, signed char *) = (signed char)in->count;
                else
                    *va_arg(ap, int *) = (int)in->count;
            }
            continue;
        }
        c = (conv == 'c' || conv == '[') ? get(in) : skip_space(in);
        if (c == EOF)
            return converted ? assigned : EOF;

        if (conv == 'c' || conv == 's' || conv == '[') {
            if (conv == '[')
                fmt = scanset(fmt, set);
            if (width == 0)
                width = conv == 'c' ? 1 : 0x7FFFFFFF;
            out = suppress ? NULL : va_arg(ap, char *);
            n = 0;
            while (c != EOF && n < width) {
                if (conv == 's' && isspace(c))
                    break;
                if (conv == '[' && !set[c])
                    break;
                if (out)
                    out[n] = (char)c;
                n++;
                if (n < width)
                    c = get(in);
                else
                    c = EOF - 1;    /* field full: nothing to give back */
            }
            if (c != EOF - 1)
                unget(in, c);
            if (n == 0)
                return assigned;
            if (out && conv != 'c')
                out[n] = 0;
            converted++;
            if (out)
                assigned++;
            continue;
        }

        if (width == 0 || width > NUMBUF)
            width = NUMBUF;
        switch (conv) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p':
            base = conv == 'd' || conv == 'u' ? 10 : conv == 'o' ? 8 : conv == 'i' ? 0 : 16;
            if (!collect_int(in, c, buf, width, &base))
                return assigned;
            converted++;
            if (suppress)
                break;
            if (conv == 'p') {
                *va_arg(ap, void **) = (void *)strtoul(buf, NULL, 16);
                assigned++;
                break;
            }
            if (conv == 'd' || conv == 'i') {
                sv = strtol(buf, NULL, base);
                uv = (unsigned long)sv;
            } else {
                uv = strtoul(buf, NULL, base);
            }
            if (len == 3)
                *va_arg(ap, unsigned long *) = uv;
            else if (len == 2)
                *va_arg(ap, unsigned short *) = (unsigned short)uv;
            else if (len == 1)
                *va_arg(ap, unsigned char *) = (unsigned char)uv;
            else
                *va_arg(ap, unsigned int *) = (unsigned int)uv;
            assigned++;
            break;
        case 'f': case 'e': case 'g': case 'a': case 'E': case 'G': case 'F': case 'A':
            if (!collect_float(in, c, buf, width))
                return assigned;
            converted++;
            if (suppress)
                break;
            dv = strtod(buf, NULL);
            if (len == 3 || len == 4)
                *va_arg(ap, double *) = dv;
            else
                *va_arg(ap, float *) = (float)dv;
            assigned++;
            break;
        default:
            unget(in, c);
            return assigned;
        }
    }
    return assigned;
}

int vsscanf(const char *s, const char *fmt, va_list ap)
{
    struct source in;
    va_list aq;
    int r;
    in.f = NULL;
    in.s = s;
    in.count = 0;
    va_copy(aq, ap);
    r = scan(&in, fmt, aq);
    va_end(aq);
    return r;
}

int vfscanf(FILE *f, const char *fmt, va_list ap)
{
    struct source in;
    va_list aq;
    int r;
    in.f = f;
    in.s = NULL;
    in.count = 0;
    va_copy(aq, ap);
    r = scan(&in, fmt, aq);
    va_end(aq);
    return r;
}

int sscanf(const char *s, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = vsscanf(s, fmt, ap);
    va_end(ap);
    return r;
}

int fscanf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = vfscanf(f, fmt, ap);
    va_end(ap);
    return r;
}

int scanf(const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = vfscanf(stdin, fmt, ap);
    va_end(ap);
    return r;
}
