// expect-status: 136
// expect-stderr: Floating point exception: integer division by zero in main (unsigned_div_by_zero.c:8)
/* Unsigned division by zero traps as well. */
#include <stdio.h>

int main(void) {
    unsigned int a = 4000000000u, b = 0;
    unsigned int q = a / b; /* faults here */
    printf("%u\n", q);
    return 0;
}
