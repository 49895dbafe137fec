/* offsetof(T, member[i]) and the hand-written null-pointer offsetof are
   integer constants, usable in static initializers. */
#include <stddef.h>
#include <stdio.h>

struct rec { int a; char x; int arr[4]; struct { short s; double d; } in[2]; };
struct field { const char *name; size_t off; };

#define MY_OFFSETOF(T, m) ((size_t)&((T *)0)->m)

static const struct field fields[] = {
    {"x", offsetof(struct rec, x)},
    {"arr[2]", offsetof(struct rec, arr[2])},
    {"in[1].d", offsetof(struct rec, in[1].d)},
    {"arr (by hand)", MY_OFFSETOF(struct rec, arr)},
    {"in[1].s (by hand)", MY_OFFSETOF(struct rec, in[1].s)},
};
static long offsets[] = {offsetof(struct rec, in), MY_OFFSETOF(struct rec, arr[3]) + 1};
static char fits[offsetof(struct rec, arr[1])];

int main(void)
{
    size_t i;
    for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
        printf("%s %d\n", fields[i].name, (int)fields[i].off);
    printf("%ld %ld %d\n", offsets[0], offsets[1], (int)sizeof fits);
    return 0;
}
