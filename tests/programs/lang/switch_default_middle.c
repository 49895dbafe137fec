/* default may appear anywhere; it is taken only when no case matches. */
#include <stdio.h>

static int f(int x) {
    int r = 0;
    switch (x) {
    case 1:
        r += 1;
        break;
    default:
        r += 100;
        /* fall through */
    case 2:
        r += 2;
        break;
    case 3:
        r += 3;
    }
    return r;
}

int main(void) {
    int i;
    for (i = 0; i <= 4; i++)
        printf("%d ", f(i));
    printf("\n");
    return 0;
}
