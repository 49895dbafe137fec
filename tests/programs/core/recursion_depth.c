/* Recursion several thousand calls deep, with locals in each frame. */
#include <stdio.h>

static long depth_sum(int n) {
    int local[4];
    local[0] = n;
    local[3] = n * 2;
    if (n == 0)
        return 0;
    return local[0] + local[3] + depth_sum(n - 1);
}

static int count_down(int n) {
    return n == 0 ? 0 : 1 + count_down(n - 1);
}

int main(void) {
    printf("%ld\n", depth_sum(5000));
    printf("%d\n", count_down(20000));
    return 0;
}
