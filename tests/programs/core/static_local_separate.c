/* Each function's static locals are separate objects, even with equal names. */
#include <stdio.h>

static int a(void) { static int n = 10; return n += 1; }
static int b(void) { static int n = 20; return n += 2; }

static int c(void) {
    static int n;
    {
        static int n2 = 5;
        n2 *= 2;
        n += n2;
    }
    return n;
}

int main(void) {
    printf("%d %d %d\n", a(), b(), a());
    printf("%d %d\n", b(), b());
    printf("%d %d %d\n", c(), c(), c());
    return 0;
}
