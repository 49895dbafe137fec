// expect-status: 139
// expect-stderr: Segmentation fault: read of address 0x0 in main (null_deref.c:9)
/* Reading through a NULL pointer faults. */
#include <stdio.h>

int main(void) {
    int *p = NULL;
    printf("about to fault\n");
    return *p; /* faults here */
}
