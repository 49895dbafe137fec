// expect-status: 139
// expect-stderr: Segmentation fault: read of address 0x7fff5ad40750 in main (wild_pointer_read.c:11)
/* Reading an arbitrary absolute address outside guest memory faults. */
#include <stdio.h>

int main(void) {
    int local = 7;
    int *p = &local;
    *p = 8;
    printf("local is %d\n", local);
    return *(int *)0x7fff5ad40750; /* faults here */
}
