// expect-status: 152
// fuel: 100000
// expect-stderr-contains: Out of fuel after
// expect-stderr-contains: in spin (out_of_fuel.c:9)
/* --fuel bounds the number of executed instructions; an endless loop is
   stopped with status 152 (natively, a CPU-time limit gives SIGXCPU, 152). */
#include <stdio.h>

static void spin(unsigned int *n) { for (;;) { *n += 1; } } /* faults here */

int main(void) {
    unsigned int n = 0;
    printf("spinning\n");
    spin(&n);
    return 0;
}
