// expect-status: 136
// expect-stderr: Floating point exception: integer division by zero in main (div_by_zero.c:9)
/* Integer division by zero is a trap, reported like SIGFPE (status 136). */
#include <stdio.h>

int main(void) {
    int n = 10, d = 0;
    printf("dividing\n");
    return n / d; /* faults here */
}
