/* va_copy lets a variadic argument list be walked twice. */
#include <stdio.h>
#include <stdarg.h>

static void stats(int n, ...) {
    va_list ap, again;
    int i;
    long sum = 0;
    va_start(ap, n);
    va_copy(again, ap);
    for (i = 0; i < n; i++)
        sum += va_arg(ap, long);
    va_end(ap);
    long above = 0;
    for (i = 0; i < n; i++)
        if (va_arg(again, long) * n > sum)
            above++;
    va_end(again);
    printf("sum=%ld above_mean=%ld\n", sum, above);
}

int main(void) {
    stats(5, 1L, 2L, 3L, 40L, 50L);
    stats(3, -5L, 5L, 0L);
    return 0;
}
