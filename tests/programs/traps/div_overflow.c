// expect-status: 136
// expect-stderr: Floating point exception: integer overflow in division in main (div_overflow.c:10)
/* INT_MIN / -1 overflows; like x86-64 hardware, pvm traps with SIGFPE's
   status.  (Undefined in C, so only the trap is checked, not gcc's output.) */
#include <stdio.h>

int main(void) {
    int a = -2147483647 - 1, b = -1;
    printf("dividing\n");
    return a / b; /* faults here */
}
