/* Macro arguments containing commas inside parentheses, and empty arguments. */
#include <stdio.h>

#define FIRST(a, b) a
#define SECOND(a, b) b
#define EMPTY_OK(a, b) (a + 0 b)

static int pick(int x, int y) { return x * 10 + y; }

int main(void) {
    printf("%d\n", FIRST(pick(1, 2), 3));
    printf("%d\n", SECOND(0, pick(4, 5)));
    printf("%d\n", EMPTY_OK(7, ));
    printf("%d\n", EMPTY_OK(, + 5));
    return 0;
}
