/* pointers.c: a pointer to a local variable, a write through it, and then a
 * read of an arbitrary absolute address, which is outside the guest's memory:
 * pvm stops the program with a segmentation-fault report naming the function
 * and line, and exit status 139, as a shell reports SIGSEGV.
 *
 *   pvm run examples/pointers.c
 */
#include <stdio.h>

int main(void)
{
    int x = 1;
    int *p = &x;
    *p = 42;
    printf("x = %d, read through p: %d\n", x, *p);
    int *wild = (int *)0x7fff5ad40750;
    printf("reading address 0x7fff5ad40750...\n");
    return *wild;
}
