/* Structs of every size (and a union) read back with the standard va_arg
 * macro of <stdarg.h>, also through a va_list handed to another function. */
#include <stdio.h>
#include <stdarg.h>

struct pair { int a, b; };
struct triple { long x, y, z; };
struct mixed { char tag; double d; short s; };
union u { long l; char bytes[12]; };

static void vshow(const char *kinds, va_list ap) {
    for (; *kinds; kinds++) {
        if (*kinds == 'p') {
            struct pair p = va_arg(ap, struct pair);
            printf("pair %d %d\n", p.a, p.b);
        } else if (*kinds == 't') {
            struct triple t = va_arg(ap, struct triple);
            printf("triple %ld %ld %ld\n", t.x, t.y, t.z);
        } else if (*kinds == 'm') {
            struct mixed m = va_arg(ap, struct mixed);
            printf("mixed %c %.2f %d\n", m.tag, m.d, m.s);
        } else if (*kinds == 'u') {
            union u v = va_arg(ap, union u);
            printf("union %ld %d\n", v.l, v.bytes[10]);
        } else {
            printf("int %d\n", va_arg(ap, int));
        }
    }
}

static void show(const char *kinds, ...) {
    va_list ap;
    va_start(ap, kinds);
    vshow(kinds, ap);
    va_end(ap);
}

static long sum_triples(int n, ...) {
    va_list ap, again;
    long total = 0;
    va_start(ap, n);
    va_copy(again, ap);
    for (int i = 0; i < n; i++) {
        struct triple t = va_arg(ap, struct triple);
        total += t.x + t.y + t.z;
    }
    /* the copy starts over at the first struct */
    total += va_arg(again, struct triple).z * 1000;
    va_end(again);
    va_end(ap);
    return total;
}

int main(void) {
    struct pair p = {3, -4};
    struct triple t = {1L << 33, -7, 11};
    struct mixed m = {'q', 2.75, -300};
    union u v;
    v.l = 99;
    v.bytes[10] = 42;
    show("tiptmu", t, 5, p, (struct triple){4, 5, 6}, m, v);
    show("mmi", m, (struct mixed){'z', -0.5, 7}, 8);
    printf("%ld\n", sum_triples(3, t, (struct triple){1, 2, 3}, (struct triple){10, 20, 30}));
    return 0;
}
