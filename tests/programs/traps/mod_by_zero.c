// expect-status: 136
// expect-stderr: Floating point exception: integer division by zero in rem (mod_by_zero.c:7)
/* The remainder operator traps on a zero divisor too, at 64-bit width. */
#include <stdio.h>

static long rem(long a, long b) {
    return a % b; /* faults here */
}

int main(void) {
    printf("%ld\n", rem(7, 3));
    printf("%ld\n", rem(7, 0));
    return 0;
}
