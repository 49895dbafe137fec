// expect-status: 139
// expect-stderr: Segmentation fault: read of address 0x10 in main (null_offset_read.c:9)
/* Indexing a NULL pointer faults at the element's address (4 * 4 bytes). */
#include <stdio.h>

int main(void) {
    int *table = 0;
    int i = 4;
    return table[i]; /* faults here */
}
