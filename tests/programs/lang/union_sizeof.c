/* A union is as big as its largest member, rounded up to its alignment. */
#include <stdio.h>

union u1 { char c; int i; };
union u2 { char c[9]; long l; };
union u3 { short s; char c[3]; };
union u4 { double d; int i[3]; };

struct tagged {
    int kind;
    union { long l; double d; char s[12]; } as;
};

int main(void) {
    printf("%d %d %d %d\n", (int)sizeof(union u1), (int)sizeof(union u2),
           (int)sizeof(union u3), (int)sizeof(union u4));
    printf("%d\n", (int)sizeof(struct tagged));
    struct tagged t;
    t.kind = 1;
    t.as.l = 123456789012L;
    printf("%d %ld\n", t.kind, t.as.l);
    return 0;
}
