// expect-status: 139
// expect-stderr: Segmentation fault: write of address 0xdeadbeef000 in poke (wild_pointer_write.c:7)
/* Writing to an arbitrary address far outside guest memory faults. */
#include <stdio.h>

static void poke(unsigned long addr, char v) {
    *(char *)addr = v; /* faults here */
}

int main(void) {
    poke(0xdeadbeef000ul, 1);
    return 0;
}
