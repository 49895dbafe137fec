/* A variadic function reading int arguments with va_arg. */
#include <stdio.h>
#include <stdarg.h>

static int sum(int count, ...) {
    va_list ap;
    int i, s = 0;
    va_start(ap, count);
    for (i = 0; i < count; i++)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static int max_of(int first, ...) {
    va_list ap;
    int best = first, v;
    va_start(ap, first);
    while ((v = va_arg(ap, int)) >= 0)
        if (v > best)
            best = v;
    va_end(ap);
    return best;
}

int main(void) {
    printf("%d %d %d\n", sum(0), sum(3, 1, 2, 3), sum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    printf("%d\n", max_of(3, 9, 2, 14, 7, -1));
    return 0;
}
