/* The conditional operator evaluates only the chosen branch. */
#include <stdio.h>

static int hits;
static int touch(int v) { hits++; return v; }

int main(void) {
    int a = 3, b = 9;
    printf("%d\n", a > b ? a : b);
    printf("%d\n", a < b ? a : b);
    int r = a ? touch(10) : touch(20);
    printf("%d %d\n", r, hits);
    r = 0 ? touch(1) : 2;
    printf("%d %d\n", r, hits);
    int x = 0;
    int y = x != 0 ? 100 / x : -1;
    printf("%d\n", y);
    return a > b ? 1 : 4;
}
