/* Argument pre-expansion and rescanning; a macro does not expand inside itself. */
#include <stdio.h>

#define A B
#define B 5
#define TWICE(x) (2 * (x))
#define APPLY(f, x) f(x)
#define ID(x) x

int main(void) {
    int foo = 10;
#define foo foo + 1
    printf("%d\n", A);
    printf("%d\n", TWICE(TWICE(A)));
    printf("%d\n", APPLY(TWICE, 7));
    printf("%d\n", foo);
    printf("%d\n", ID(ID(3)) + ID((4)));
    return 0;
}
