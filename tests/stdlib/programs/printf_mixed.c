/* printf family variants: vsnprintf through a wrapper, asprintf-like
 * growth, %n, field widths from arguments, and a table. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int logf_(char *out, size_t n, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = vsnprintf(out, n, fmt, ap);
    va_end(ap);
    return r;
}

static void twice(const char *fmt, ...)
{
    va_list ap, aq;
    va_start(ap, fmt);
    va_copy(aq, ap);
    vprintf(fmt, ap);
    vfprintf(stdout, fmt, aq);
    va_end(aq);
    va_end(ap);
}

int main(void)
{
    char buf[32];
    int r, i, w;
    r = logf_(buf, sizeof buf, "%s-%05d-%x-%c-%.3f", "id", 42, 3054, 'Z', 2.0 / 3);
    printf("%d %s\n", r, buf);
    r = logf_(buf, 8, "%s", "this is far too long");
    printf("%d %s\n", r, buf);
    twice("%d %s %.2e\n", 7, "seven", 7e7);
    for (i = 0; i < 6; i++) {
        w = i * 3;
        printf("|%*d|%-*d|%*.*f|\n", w, i, w, -i, w + 2, i, i * 1.25);
    }
    printf("%5s|%-5s|%5.1s|\n", "ab", "ab", "ab");
    printf("%lu %ld %lx %lo\n", sizeof(long), -1L, 0xabcdefL, 0777L);
    printf("%hhx %hx %x %llx\n", (unsigned char)0xfff, (unsigned short)0xfffff, 0xffffffffu,
           0xffffffffffffffffULL);
    printf("%-+8.3d|% 08d|%+.0d|% .0d|\n", 5, -5, 0, 0);
    printf("%s %s %d\n", "a", "b", printf("inner "));
    printf("%.3s%.*s\n", "abcdef", 2, "xyz");
    printf("%c%c%c\n", 'a', 0x62, 99);
    return 0;
}
