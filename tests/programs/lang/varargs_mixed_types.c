/* va_arg with long, double, pointer and promoted char/float arguments. */
#include <stdio.h>
#include <stdarg.h>

static void show(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        switch (*fmt) {
        case 'i': printf("int %d\n", va_arg(ap, int)); break;
        case 'l': printf("long %ld\n", va_arg(ap, long)); break;
        case 'd': printf("double %.3f\n", va_arg(ap, double)); break;
        case 's': printf("str %s\n", va_arg(ap, char *)); break;
        case 'c': printf("char %c\n", va_arg(ap, int)); break;
        case 'u': printf("unsigned %u\n", va_arg(ap, unsigned int)); break;
        }
    }
    va_end(ap);
}

int main(void) {
    char c = 'q';
    float f = 1.25f;
    short s = -9;
    show("ildscu", 42, 1L << 40, 2.5, "hi", c, 4000000000u);
    show("dii", f, s, 'x');
    return 0;
}
