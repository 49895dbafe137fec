/* A struct holding flag words manipulated with bitwise operators. */
#include <stdio.h>

struct perms { unsigned int bits; const char *owner; };

enum { READ = 1, WRITE = 2, EXEC = 4 };

static void grant(struct perms *p, unsigned int f) { p->bits |= f; }
static void revoke(struct perms *p, unsigned int f) { p->bits &= ~f; }

int main(void) {
    struct perms p = {0, "root"};
    grant(&p, READ | WRITE);
    printf("%s %u\n", p.owner, p.bits);
    grant(&p, EXEC);
    revoke(&p, WRITE);
    printf("%u %d %d\n", p.bits, (p.bits & READ) != 0, (p.bits & WRITE) != 0);
    return 0;
}
