// expect-status: 139
// expect-stderr: Segmentation fault: write of address 0x0 in main (null_write.c:8)
/* Writing through a NULL pointer faults. */
#include <stdio.h>

int main(void) {
    long *p = 0;
    *p = 42; /* faults here */
    return 0;
}
