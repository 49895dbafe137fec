/* Structs passed by value are copies; passing a pointer lets the callee modify. */
#include <stdio.h>

struct pair { long a; long b; };

static long sum(struct pair p) {
    p.a += 1000;
    return p.a + p.b;
}

static void scale(struct pair *p, long k) {
    p->a *= k;
    p->b *= k;
}

int main(void) {
    struct pair p;
    p.a = 5;
    p.b = 7;
    printf("%ld\n", sum(p));
    printf("%ld %ld\n", p.a, p.b);
    scale(&p, 3);
    printf("%ld %ld\n", p.a, p.b);
    return 0;
}
