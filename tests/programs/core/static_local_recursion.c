/* A static local is shared by every activation of a recursive function. */
#include <stdio.h>

static int max_depth;

static void dive(int n) {
    static int depth;
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (n > 0) {
        dive(n - 1);
        dive(n - 2);
    }
    depth--;
}

int main(void) {
    dive(10);
    printf("%d\n", max_depth);
    return 0;
}
