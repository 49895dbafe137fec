/* Selection and iteration statements are blocks, and so are their
 * substatements (C99 6.8.4p3, 6.8.5p5): a tag or enumerator declared in a
 * condition or an unbraced body is gone after the statement. */
#include <stdio.h>

enum { level = 7 };
struct box { int a; };

int main(void) {
    int n = 0;
    if (sizeof(enum { level = 1 }) == sizeof(int))
        printf("if sees %d\n", level);
    else
        printf("else sees %d\n", level);
    printf("after if: %d\n", level);

    while (n < (int)sizeof(enum { level = 2 }))
        n += level;
    printf("while: n=%d, after: %d\n", n, level);

    n = 0;
    do
        n += (int)sizeof(struct box { char c[3]; });
    while (n < (int)sizeof(struct box));
    printf("do: n=%d, after: sizeof(struct box)=%d\n", n, (int)sizeof(struct box));

    switch (sizeof(struct box { double d[2]; })) {
    case 16: printf("switch sees %d\n", (int)sizeof(struct box)); break;
    default: printf("switch: other\n");
    }
    printf("after switch: %d\n", (int)sizeof(struct box));

    for (n = 0; n < 2; n++)
        if (n == (int)sizeof(enum { level = 1 }) - 3) printf("for/if: %d %d\n", n, level);
    struct box b = {level};
    printf("box %d\n", b.a);
    return 0;
}
