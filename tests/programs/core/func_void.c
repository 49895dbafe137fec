/* void functions with side effects on globals; return with no value. */
#include <stdio.h>

int total;

static void add(int v) {
    if (v < 0)
        return;
    total += v;
}

static void report(void) {
    printf("total %d\n", total);
}

int main(void) {
    add(5);
    add(-100);
    add(10);
    report();
    return 0;
}
