/* recursion.c: recursion with no base case.  Each call takes a stack frame in
 * guest memory; when the next frame would pass the stack limit (8 MiB unless
 * --stack says otherwise), pvm reports the overflow, names the function and
 * exits with status 139, before anything is written past the limit.
 *
 *   pvm run examples/recursion.c
 *   pvm run --stack 65536 examples/recursion.c     (a smaller stack overflows sooner)
 */
#include <stdio.h>

static long f(long depth) { return depth < 0 ? 0 : f(depth + 1) + 1; }

int main(void)
{
    printf("recursing forever...\n");
    return (int)f(0);
}
