/* main may be called from C like any function, with or without its
   parameters declared (crt0 passes argc and argv to `int main(void)` too). */
#include <stdio.h>

static int depth;

int main(void) {
    if (depth < 3) {
        depth++;
        printf("depth %d\n", depth);
        return main() + 1;
    }
    return 10;
}
