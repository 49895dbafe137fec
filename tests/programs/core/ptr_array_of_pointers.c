/* An array of pointers to ints and to strings. */
#include <stdio.h>

int main(void) {
    int a = 1, b = 2, c = 3;
    int *ptrs[3];
    ptrs[0] = &c; ptrs[1] = &a; ptrs[2] = &b;
    int i;
    for (i = 0; i < 3; i++)
        *ptrs[i] *= 10;
    printf("%d %d %d\n", a, b, c);
    const char *names[4];
    names[0] = "ann"; names[1] = "bob"; names[2] = "cy"; names[3] = "di";
    for (i = 3; i >= 0; i--)
        printf("%s%c", names[i], i ? ',' : '\n');
    printf("%c\n", names[1][2]);
    return 0;
}
