/* == and != on integers and pointers. */
#include <stdio.h>

int main(void) {
    int a = 5, b = 5, c = 6;
    printf("%d %d %d %d\n", a == b, a != b, a == c, a != c);
    unsigned int u = 4294967295u;
    int m = -1;
    printf("%d\n", u == (unsigned int)m);
    char ch = -1;
    printf("%d\n", ch == -1);
    long l = 4294967296L;
    printf("%d\n", l == 0);
    int arr[2];
    int *p = &arr[0], *q = &arr[1];
    printf("%d %d %d\n", p == q, p + 1 == q, p != 0);
    printf("%d\n", (a == b) == 1);
    return 0;
}
