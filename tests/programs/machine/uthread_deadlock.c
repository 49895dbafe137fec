// expect-status: 134
// expect-stderr: uthread: deadlock: every thread is blocked
// expect: the worker waits for the mutex main holds; main waits for the worker
/* Many-to-one: when every thread sleeps nobody can wake them, so the
   library says so and aborts, rather than hang. */
#include <stdio.h>
#include <uthread.h>

static uthread_mutex_t m = UTHREAD_MUTEX_INITIALIZER;

static void worker(void *arg)
{
    uthread_mutex_lock(&m);
    printf("not reached\n");
}

int main(void)
{
    uthread_mutex_lock(&m);
    int w = uthread_create(worker, 0, 0);
    printf("the worker waits for the mutex main holds; main waits for the worker\n");
    fflush(stdout);
    uthread_join(w);
    printf("not reached\n");
    return 0;
}
