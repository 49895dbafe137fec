// expect: level 1 creates level 2
// expect: level 2 creates level 3
// expect: level 3 creates level 4
// expect: level 4 is the last
// expect: level 3 joined level 4: 0, depth 1000 is 1000
// expect: level 2 joined level 3: 0, depth 1000 is 1000
// expect: level 1 joined level 2: 0, depth 1000 is 1000
// expect: main joined level 1: 0
/* Threads made by threads: uthread_create switches the stack from a
   thread's stack, not only from main's, and each creator gets its own
   stack limit back (a recursion that fits in 64 KiB, after the join). */
#include <stdio.h>
#include <stdlib.h>
#include <uthread.h>

static int depth(int n)
{
    return n == 0 ? 0 : 1 + depth(n - 1);
}

static void level(void *arg)
{
    long n = (long)arg;
    if (n == 4) {
        printf("level 4 is the last\n");
        return;
    }
    printf("level %ld creates level %ld\n", n, n + 1);
    int child = uthread_create(level, (void *)(n + 1), 1 << 16);
    int r = uthread_join(child);
    printf("level %ld joined level %ld: %d, depth 1000 is %d\n", n, n + 1, r, depth(1000));
}

int main(void)
{
    /* Grow the heap from main: sbrk from a thread's stack fails today
       (see uthread_malloc.c). */
    free(malloc(1 << 20));
    int t = uthread_create(level, (void *)1L, 1 << 16);
    printf("main joined level 1: %d\n", uthread_join(t));
    return 0;
}
