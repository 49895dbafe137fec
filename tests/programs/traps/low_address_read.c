// expect-status: 139
// expect-stderr: Segmentation fault: read of address 0x1000 in main (low_address_read.c:8)
/* Small addresses near NULL are unmapped, not just address 0. */
#include <stdio.h>

int main(void) {
    const char *p = (const char *)0x1000;
    char c = *p; /* faults here */
    return c;
}
