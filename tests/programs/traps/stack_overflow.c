// expect-status: 139
// expect-stderr: Stack overflow in down (stack_overflow.c:8)
/* Runaway recursion overflows the stack (8 MiB by default). The recursive
   function is kept on one line so the reported line does not depend on
   whether the call site or the function's entry is blamed. */
#include <stdio.h>

static int down(int n) { return n < 0 ? 0 : down(n + 1) + 1; } /* faults here */

int main(void) {
    printf("%d\n", down(0));
    return 0;
}
