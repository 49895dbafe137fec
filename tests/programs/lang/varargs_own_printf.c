/* A small printf-like formatter built on stdarg and putchar. */
#include <stdio.h>
#include <stdarg.h>

static int emit_num(long v, int base) {
    char buf[24];
    int n = 0, out = 0;
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    if (v < 0) { putchar('-'); out++; }
    do { buf[n++] = "0123456789abcdef"[u % base]; u /= base; } while (u);
    while (n) { putchar(buf[--n]); out++; }
    return out;
}

static int my_printf(const char *fmt, ...) {
    va_list ap;
    int out = 0;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') { putchar(*fmt); out++; continue; }
        switch (*++fmt) {
        case 'd': out += emit_num(va_arg(ap, int), 10); break;
        case 'x': out += emit_num(va_arg(ap, int), 16); break;
        case 'L': out += emit_num(va_arg(ap, long), 10); break;
        case 's': { const char *s = va_arg(ap, const char *); while (*s) { putchar(*s++); out++; } break; }
        case '%': putchar('%'); out++; break;
        }
    }
    va_end(ap);
    return out;
}

int main(void) {
    int n = my_printf("%d %x %s %L 100%%\n", -42, 255, "str", -9000000000L);
    printf("%d\n", n);
    return 0;
}
