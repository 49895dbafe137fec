// expect-status: 139
// expect-stderr: Stack overflow in down (uthread_overflow.c:20)
// expect: a thread with 1 MiB: depth 5000 is 5000
// expect: main again, on its own stack: depth 50000 is 50000
// expect: a thread with 16 KiB recurses forever...
/* Each stack has its own limit: a thread's stack in the heap ends at its
   own bottom, where a runaway recursion is a stack overflow, reported as
   on the main stack, before anything below (the heap) is written.  The
   main thread keeps its own, much larger, stack and limit. */
#include <stdio.h>
#include <uthread.h>

static int depth(int n)
{
    return n == 0 ? 0 : 1 + depth(n - 1);
}

static long down(long n)
{
    return down(n + 1) + 1;
}

static void deep(void *arg)
{
    printf("a thread with 1 MiB: depth 5000 is %d\n", depth(5000));
}

static void runaway(void *arg)
{
    printf("a thread with 16 KiB recurses forever...\n");
    fflush(stdout);
    down(0);
}

int main(void)
{
    uthread_join(uthread_create(deep, 0, 1 << 20));
    printf("main again, on its own stack: depth 50000 is %d\n", depth(50000));
    uthread_join(uthread_create(runaway, 0, 16384));
    printf("not reached\n");
    return 0;
}
