/* A prototype lets main call functions defined after it. */
#include <stdio.h>

int triple(int x);
long widen(int x);
static void show(const char *label, long v);

int main(void) {
    show("triple", triple(14));
    show("widen", widen(-5));
    return 0;
}

int triple(int x) {
    return 3 * x;
}

long widen(int x) {
    return (long)x * 1000000000L;
}

static void show(const char *label, long v) {
    printf("%s=%ld\n", label, v);
}
