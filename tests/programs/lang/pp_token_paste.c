/* The ## operator pastes tokens into new identifiers and numbers. */
#include <stdio.h>

#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#define MAKE_GETTER(name) static int get_##name(void) { return name; }
#define PREFIX pre

static int width = 80, height = 24;
MAKE_GETTER(width)
MAKE_GETTER(height)

int main(void) {
    int xy = 7, CAT(pre, fix) = 11;
    printf("%d %d\n", CAT(x, y), prefix);
    printf("%d\n", CAT(12, 34));
    printf("%d %d\n", get_width(), get_height());
    printf("%d\n", XCAT(PREFIX, fix));
    printf("%ld\n", CAT(100, L) * 3);
    return 0;
}
