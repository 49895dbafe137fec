/* Array parameters are pointers: the callee can modify the caller's array. */
#include <stdio.h>

static void double_all(int a[], int n) {
    int i;
    for (i = 0; i < n; i++)
        a[i] *= 2;
}

static int first_plus_last(int a[5]) {
    return a[0] + a[4];
}

int main(void) {
    int v[5];
    int i;
    for (i = 0; i < 5; i++)
        v[i] = i + 1;
    double_all(v, 5);
    double_all(v + 3, 2);
    for (i = 0; i < 5; i++)
        printf("%d ", v[i]);
    printf("\n%d\n", first_plus_last(v));
    return 0;
}
