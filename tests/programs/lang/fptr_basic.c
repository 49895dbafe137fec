/* Declaring, assigning and calling through a function pointer. */
#include <stdio.h>

static int inc(int x) { return x + 1; }
static int dbl(int x) { return x * 2; }

int main(void) {
    int (*f)(int) = inc;
    printf("%d\n", f(10));
    f = dbl;
    printf("%d\n", f(10));
    f = &inc;
    printf("%d\n", (*f)(10));
    printf("%d\n", f == inc);
    printf("%d\n", f != dbl);
    int (*g)(int) = 0;
    printf("%d\n", g == 0);
    return f(f(0));
}
