/* Functions returning structs by value, small and large. */
#include <stdio.h>

struct small { int x, y; };
struct big { long v[6]; char c; };

static struct small make_small(int x, int y) {
    struct small s;
    s.x = x;
    s.y = y;
    return s;
}

static struct big make_big(long base) {
    struct big b;
    int i;
    for (i = 0; i < 6; i++)
        b.v[i] = base * (i + 1);
    b.c = 'B';
    return b;
}

static struct small swap(struct small s) {
    struct small r;
    r.x = s.y;
    r.y = s.x;
    return r;
}

int main(void) {
    struct small s = make_small(1, 2);
    s = swap(s);
    printf("%d %d\n", s.x, s.y);
    struct big b = make_big(10);
    printf("%ld %ld %c\n", b.v[0], b.v[5], b.c);
    printf("%d\n", swap(make_small(8, 9)).x);
    printf("%ld\n", make_big(-3).v[2]);
    return 0;
}
