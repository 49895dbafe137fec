/* stack_switch.c: the lecture's stack switch.  main saves SP, points SP at
 * the top of an array, calls a function, and puts SP back.  The called
 * function's frame, and so its locals, are in the array; main's own frame
 * does not move, so its local keeps its address and its value.  Calls
 * after the switch back go on the ordinary stack again.
 *
 *   pvm run examples/machine/stack_switch.c
 */
#include <stdio.h>

static char stack[16384];

static int in_stack(void *p)
{
    return (char *)p >= stack && (char *)p < stack + sizeof stack;
}

static void associate_stack(const char *when)
{
    int local;

    printf("%s: the callee's local is %s the array\n", when,
           in_stack(&local) ? "in" : "not in");
}

int main(void)
{
    long saved;
    int mine = 42;
    int *before = &mine;
    char *tos = stack + sizeof stack - 16;

    associate_stack("before the switch");
    asm volatile("getsp %0" : "=r"(saved));
    asm volatile("setsp %0" : : "r"(tos));
    associate_stack("on the new stack");
    printf("on the new stack: main's local %s its address and holds %d\n",
           &mine == before ? "keeps" : "has lost", mine);
    asm volatile("setsp %0" : : "r"(saved));
    associate_stack("after switching back");
    return 0;
}
