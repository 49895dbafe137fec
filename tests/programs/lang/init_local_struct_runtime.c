/* Local aggregate initializers may use run-time values. */
#include <stdio.h>

struct range { int lo, hi, len; };

static struct range make(int a, int b) {
    struct range r = {a < b ? a : b, a < b ? b : a, a < b ? b - a : a - b};
    return r;
}

int main(void) {
    int n = 4;
    int squares[4] = {n * n, (n + 1) * (n + 1), n - 10, n};
    struct range r = make(9, 2);
    printf("%d %d %d %d\n", squares[0], squares[1], squares[2], squares[3]);
    printf("%d %d %d\n", r.lo, r.hi, r.len);
    return 0;
}
