/* const on the pointee and on the pointer itself. */
#include <stdio.h>

static int total(const int *v, int n) {
    int s = 0;
    while (n-- > 0)
        s += *v++;
    return s;
}

int main(void) {
    int a[4];
    a[0] = 1; a[1] = 2; a[2] = 3; a[3] = 4;
    printf("%d\n", total(a, 4));
    const int limit = 3;
    int *const fixed = &a[1];
    *fixed = 20;
    printf("%d %d\n", a[1], limit);
    const char *s = "const";
    s++;
    printf("%s\n", s);
    const int *const both = &a[3];
    printf("%d\n", *both);
    return 0;
}
