/* Arguments are copies: changing a parameter does not change the caller's. */
#include <stdio.h>

static int bump(int x) {
    x += 100;
    return x;
}

static void zero_ptr(int *p) {
    p = 0;
    (void)p;
}

int main(void) {
    int a = 5;
    int b = bump(a);
    printf("%d %d\n", a, b);
    int *p = &a;
    zero_ptr(p);
    printf("%d\n", p == &a);
    return 0;
}
