/* Bit-fields: gcc's x86-64 layout (sizes, unnamed and zero-width fields,
   fields in a union), static and automatic initializers, reads with the
   right sign, and every way of writing: =, compound assignment, ++/--. */
#include <stdio.h>

struct mixed { unsigned x : 3; int y : 5; unsigned z : 24; char c; long big : 40; _Bool b : 1; };
struct mixed g = { 5, -3, 0xabcdef, 'q', -123456789012L, 1 };
union low { int i; unsigned lo : 4; };
struct gap { char a; int : 0; char b; };
struct skip { int p : 4, : 4, q : 8; };
struct wide { unsigned long w : 64; unsigned u : 32; signed char s : 3; };
struct designated { int a : 6; int b : 6; int c : 6; } gd = { .c = 31, .a = -32 };

int main(void) {
    struct mixed s = { 7, 15, 1, 'c', 1L << 38, 0 };
    printf("%zu %zu %zu %zu %zu\n", sizeof(struct mixed), sizeof(union low), sizeof(struct gap),
           sizeof(struct skip), sizeof(struct wide));
    printf("%u %d %x %c %ld %d\n", g.x, g.y, g.z, g.c, g.big, g.b);
    printf("%u %d %x %c %ld %d\n", s.x, s.y, s.z, s.c, s.big, s.b);
    s.x = 9; s.y = 17; s.z = -1; s.b = 5;
    printf("%u %d %x %d\n", s.x, s.y, s.z, s.b);
    int r = (s.y = 20);
    printf("%d %d\n", r, s.y);
    s.x++; ++s.y; s.z += 2; s.y -= 100;
    printf("%u %d %x %d\n", s.x, s.y, s.z, s.x - 5 < 0);
    int old = s.x--;
    printf("%d %u", old, s.x);
    int now = --s.x;
    printf(" %d\n", now);
    union low v;
    v.i = 0x1234567f;
    printf("%u\n", v.lo);
    v.lo = 2;
    printf("%x\n", v.i);
    struct skip m = { -2, 100 };
    printf("%d %d\n", m.p, m.q);
    struct skip *pm = &m;
    pm->q <<= 1;
    pm->p ^= 3;
    printf("%d %d\n", pm->p, pm->q);
    struct wide w = { ~0UL, 0xffffffffu, -4 };
    w.s = 5;
    printf("%lx %u %d %d\n", w.w, w.u, w.u > 0, w.s);
    w.u += 2;
    printf("%u\n", w.u);
    struct designated d = { .b = 7, 1, };
    printf("%d %d %d / %d %d %d\n", d.a, d.b, d.c, gd.a, gd.b, gd.c);
    return 0;
}
