/* __builtin_prefetch(addr[, rw[, locality]]) is only a hint: it computes its
   arguments (with their side effects) and nothing else. */
#include <stdio.h>

static int reads;

static int *next(int *p) {
    reads++;
    return p + 1;
}

int main(void) {
    int data[8] = {3, 1, 4, 1, 5, 9, 2, 6};
    int *p = data, sum = 0;
    for (int i = 0; i < 7; i++) {
        __builtin_prefetch(next(p));
        __builtin_prefetch(p + 4, 0, 3);
        __builtin_prefetch(p, 1);
        sum += *p++;
    }
    printf("%d %d\n", sum, reads);
    return 0;
}
