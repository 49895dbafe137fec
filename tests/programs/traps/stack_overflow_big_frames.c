// expect-status: 139
// expect-stderr: Stack overflow in deep (stack_overflow_big_frames.c:6)
/* Recursion with a 4 KiB local array per frame overflows quickly. */
#include <stdio.h>

static int deep(int n) { int pad[1024]; pad[0] = n; pad[1023] = n < 0 ? 0 : deep(n + 1); return pad[0] + pad[1023]; } /* faults here */

int main(void) {
    printf("%d\n", deep(0));
    return 0;
}
