// needs-op: GETFP
// expect: getfp is frame 1
/* The stack instructions from inline asm (runs once GETFP is in the
   opcode table). */
#include <stdio.h>

int main(void) {
    long a, b;
    asm volatile("getfp %0" : "=r"(a));
    asm volatile("frame %0, #0" : "=r"(b));
    printf("getfp is frame %d\n", a == b);
    return 0;
}
