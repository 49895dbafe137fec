/* Defining and calling simple functions. */
#include <stdio.h>

static int square(int x) { return x * x; }
static int add3(int a, int b, int c) { return a + b + c; }
static int nothing(void) { return 7; }

int main(void) {
    printf("%d\n", square(9));
    printf("%d\n", add3(1, 2, 3));
    printf("%d\n", square(add3(1, 1, 1)));
    printf("%d\n", nothing() + square(nothing()));
    return square(3);
}
