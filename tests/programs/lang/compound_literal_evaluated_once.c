/* A compound literal's initializer runs once each time the literal is
   evaluated: as a struct value copied, a scalar read, an array decaying,
   its address taken, in a loop, and with an empty struct member. */
#include <stdio.h>

typedef struct { int v, w; } pair;
typedef struct {} nothing;
typedef struct { nothing n; int k; } wrapped;

static int calls;

static int tick(void) { return ++calls; }
static nothing none(void) { nothing x; calls += 10; return x; }
static int first(const int *a) { return a[0]; }

int main(void) {
    pair p;
    p = (pair) { tick(), tick() };
    printf("%d %d %d\n", calls, p.v + p.w, p.v * p.w);
    int s = (int) { tick() };
    printf("%d %d\n", calls, s);
    int f = first((int[]) { tick(), 7 });
    printf("%d %d\n", calls, f);
    pair *q = &(pair) { tick(), 0 };
    printf("%d %d\n", calls, q->v);
    int sum = 0;
    for (int i = 0; i < 3; i++) {
        pair r = (pair) { i, tick() };
        sum += r.v + r.w;
    }
    printf("%d %d\n", calls, sum);
    wrapped w;
    w = (wrapped) { .n = none(), .k = 4 };
    printf("%d %d\n", calls, w.k);
    return 0;
}
