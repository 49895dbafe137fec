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
    /* Each call is its own statement: the order in which a function's
       arguments are evaluated is unspecified in C. */
    int a1 = a(), b1 = b(), a2 = a();
    printf("%d %d %d\n", a1, b1, a2);
    int b2 = b(), b3 = b();
    printf("%d %d\n", b2, b3);
    int c1 = c(), c2 = c(), c3 = c();
    printf("%d %d %d\n", c1, c2, c3);
    return 0;
}
