/* minios: the kernel's printf, straight to the console device.
 *
 * It knows what the kernel prints: %d %i %u %x %p %s %c %% with an l
 * modifier, a width and the 0 and - flags.  (User programs have the
 * stdlib's full printf; the kernel does not call the stdlib's stdio,
 * whose output would go through hypercalls around the console.)
 */
#include <stdarg.h>
#include "defs.h"

static void pad(int n, char c) {
    while (n-- > 0)
        console_putc(c);
}

static void put_number(unsigned long v, int base, int negative, int width, int zero, int left) {
    char digits[24];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    int len = n + negative;
    if (!left && !zero)
        pad(width - len, ' ');
    if (negative)
        console_putc('-');
    if (!left && zero)
        pad(width - len, '0');
    while (n > 0)
        console_putc(digits[--n]);
    if (left)
        pad(width - len, ' ');
}

void vprintf_console(const char *fmt, va_list ap) {
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            console_putc(*fmt);
            continue;
        }
        int left = 0, zero = 0, width = 0, alt = 0;
        for (fmt++; *fmt == '-' || *fmt == '0' || *fmt == '#'; fmt++) {
            if (*fmt == '-') left = 1;
            else if (*fmt == '0') zero = 1;
            else alt = 1;
        }
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            width = width * 10 + *fmt - '0';
        int is_long = 0;
        while (*fmt == 'l') {
            is_long = 1;
            fmt++;
        }
        switch (*fmt) {
        case 'd': case 'i': {
            long v = is_long ? va_arg(ap, long) : va_arg(ap, int);
            put_number(v < 0 ? -(unsigned long)v : v, 10, v < 0, width, zero, left);
            break;
        }
        case 'u':
            put_number(is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), 10, 0, width, zero, left);
            break;
        case 'x': case 'p': {
            unsigned long v = *fmt == 'p' || is_long ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            if (alt || *fmt == 'p') {
                console_putc('0');
                console_putc('x');
            }
            put_number(v, 16, 0, width, zero, left);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            int len = strlen(s);
            if (!left) pad(width - len, ' ');
            while (*s) console_putc(*s++);
            if (left) pad(width - len, ' ');
            break;
        }
        case 'c':
            console_putc(va_arg(ap, int));
            break;
        case '%':
            console_putc('%');
            break;
        default:                          /* not ours: print it as written */
            console_putc('%');
            console_putc(*fmt);
            if (!*fmt) return;
        }
    }
}

void printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprintf_console(fmt, ap);
    va_end(ap);
}
