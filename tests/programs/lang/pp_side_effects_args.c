/* Macro arguments are substituted textually: a parameter used twice is
   evaluated twice. */
#include <stdio.h>

#define DOUBLE_USE(x) ((x) + (x))
#define SINGLE_USE(x) ((x) * 3)

static int calls;
static int next(void) { return ++calls; }

int main(void) {
    int r = DOUBLE_USE(next());
    printf("%d %d\n", r, calls);
    r = SINGLE_USE(next());
    printf("%d %d\n", r, calls);
    return 0;
}
