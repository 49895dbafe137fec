/* va_end's argument is evaluated, side effects included, like any macro
   argument that is used: a va_list reached through a pointer that va_end's
   argument steps. */
#include <stdarg.h>
#include <stdio.h>

static int total(int n, ...) {
    va_list lists[2], *which = lists;
    int sum = 0;
    va_start(lists[0], n);
    for (int i = 0; i < n; i++)
        sum += va_arg(*which, int);
    va_end(*which++);
    va_start(*which, n);
    sum += 100 * va_arg(*which, int);
    va_end(*which++);
    return sum + (int)(which - lists);
}

int main(void) {
    printf("%d\n", total(3, 4, 5, 6));
    return 0;
}
