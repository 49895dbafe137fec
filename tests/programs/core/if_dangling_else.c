/* An else binds to the nearest unmatched if (written so that gcc sees no
   ambiguity: every if here has its else, the parser must pair them). */
#include <stdio.h>

static int f(int a, int b) {
    int r;
    if (a)
        if (b)
            r = 1;
        else
            r = 2;
    else
        r = 3;
    return r;
}

int main(void) {
    printf("%d %d %d %d\n", f(0, 0), f(0, 1), f(1, 0), f(1, 1));
    return 0;
}
