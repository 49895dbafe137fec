/* && does not evaluate its right operand when the left is false. */
#include <stdio.h>

static int calls;

static int yes(void) { calls++; return 1; }
static int no(void) { calls++; return 0; }

int main(void) {
    int r = no() && yes();
    printf("%d %d\n", r, calls);
    r = yes() && no();
    printf("%d %d\n", r, calls);
    r = yes() && yes() && no() && yes();
    printf("%d %d\n", r, calls);
    int *p = 0;
    if (p && *p)
        printf("unreachable\n");
    int x = 0;
    r = (x != 0) && (10 / x > 1);
    printf("%d\n", r);
    return calls;
}
