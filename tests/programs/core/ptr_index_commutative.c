/* a[i] is *(a + i), so i[a] means the same thing. */
#include <stdio.h>

int main(void) {
    int a[4];
    a[0] = 5; a[1] = 6; a[2] = 7; a[3] = 8;
    printf("%d %d\n", a[2], 2[a]);
    int i = 3;
    printf("%d\n", i[a]);
    printf("%c\n", 1["xyz"]);
    printf("%c\n", "hello"[4]);
    int *p = a + 2;
    printf("%d %d\n", p[-1], p[1]);
    return 0;
}
