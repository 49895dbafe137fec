/* static globals and static functions are private to the file but work as usual. */
#include <stdio.h>

static int hidden = 3;
static long acc;

static void accumulate(int v) {
    acc += (long)v * hidden;
}

int main(void) {
    int i;
    for (i = 1; i <= 10; i++)
        accumulate(i);
    printf("%ld\n", acc);
    hidden = 10;
    accumulate(1);
    printf("%ld %d\n", acc, hidden);
    return 0;
}
