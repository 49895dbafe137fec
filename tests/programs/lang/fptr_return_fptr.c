/* A function returning a function pointer, declared without and with typedef. */
#include <stdio.h>

static int square(int x) { return x * x; }
static int cube(int x) { return x * x * x; }

static int (*choose(int which))(int) {
    return which ? cube : square;
}

typedef int (*unary)(int);
static unary choose2(char c) { return c == 'c' ? cube : square; }

int main(void) {
    printf("%d %d\n", choose(0)(5), choose(1)(5));
    int (*(*chooser)(int))(int) = choose;
    printf("%d\n", chooser(1)(3));
    printf("%d\n", choose2('c')(2) + choose2('s')(2));
    return 0;
}
