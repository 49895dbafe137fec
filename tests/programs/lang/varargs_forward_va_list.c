/* Passing a va_list on to another function. */
#include <stdio.h>
#include <stdarg.h>

static long total_of(int n, va_list ap) {
    long t = 0;
    while (n-- > 0)
        t += va_arg(ap, int);
    return t;
}

static long weighted(int weight, int n, ...) {
    va_list ap;
    va_start(ap, n);
    long t = total_of(n, ap);
    va_end(ap);
    return t * weight;
}

int main(void) {
    printf("%ld\n", weighted(3, 4, 1, 2, 3, 4));
    printf("%ld\n", weighted(-1, 2, 100, 200));
    return 0;
}
