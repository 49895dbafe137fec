/* Struct layout follows the x86-64 ABI: alignment and padding. */
#include <stdio.h>

struct a { char c; int i; };
struct b { char c; long l; char d; };
struct c { char x, y, z; };
struct d { int i; char c; };
struct e { short s; char c; double d; };
struct f { char c; struct a inner; };
struct g { long l; char c[9]; };

int main(void) {
    printf("%d %d %d %d\n", (int)sizeof(struct a), (int)sizeof(struct b),
           (int)sizeof(struct c), (int)sizeof(struct d));
    printf("%d %d %d\n", (int)sizeof(struct e), (int)sizeof(struct f), (int)sizeof(struct g));
    struct b v;
    printf("%ld %ld\n", (long)((char *)&v.l - (char *)&v), (long)((char *)&v.d - (char *)&v));
    return 0;
}
