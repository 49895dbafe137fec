// expect: unlocked: 5 of 20 steps kept
// expect: locked: 20 of 20 steps kept
// expect: lock order: 1 2 3 4 1 2 3 4 1 2 3 4 1 2 3 4 1 2 3 4
// expect: unlock by a non-holder: -1, of a free mutex: -1
// expect: the waiter waits, main unlocks: 0, the waiter got it
/* A read, a yield, a write: without the mutex all four threads read
   before any writes, so each round keeps one step of four; with it none
   is lost, and the waiters get the mutex in turn.  A locker sleeps until
   the holder unlocks, however often the holder yields. */
#include <stdio.h>
#include <uthread.h>

#define THREADS 4
#define STEPS 5

static uthread_mutex_t m;
static int counter, use_lock, order[THREADS * STEPS], norder;

static void step(void *arg)
{
    for (int i = 0; i < STEPS; i++) {
        if (use_lock) {
            uthread_mutex_lock(&m);
            order[norder++] = uthread_self();
        }
        int seen = counter;
        uthread_yield();
        counter = seen + 1;
        if (use_lock)
            uthread_mutex_unlock(&m);
        uthread_yield();
    }
}

static int run(int locked)
{
    int ids[THREADS];
    counter = 0;
    use_lock = locked;
    for (int i = 0; i < THREADS; i++)
        ids[i] = uthread_create(step, 0, 0);
    for (int i = 0; i < THREADS; i++)
        uthread_join(ids[i]);
    return counter;
}

static int other_result;

static void unlock_other(void *arg)
{
    other_result = uthread_mutex_unlock(&m);
}

static void waiter(void *arg)
{
    printf("the waiter waits, ");
    uthread_mutex_lock(&m);
    printf("the waiter got it\n");
    uthread_mutex_unlock(&m);
}

int main(void)
{
    uthread_mutex_init(&m);
    printf("unlocked: %d of %d steps kept\n", run(0), THREADS * STEPS);
    printf("locked: %d of %d steps kept\n", run(1), THREADS * STEPS);
    printf("lock order:");
    for (int i = 0; i < norder; i++)
        printf(" %d", order[i] - order[0] + 1);
    printf("\n");

    uthread_mutex_lock(&m);
    uthread_join(uthread_create(unlock_other, 0, 0));
    uthread_mutex_unlock(&m);
    printf("unlock by a non-holder: %d, of a free mutex: %d\n", other_result,
           uthread_mutex_unlock(&m));

    uthread_mutex_lock(&m);
    int w = uthread_create(waiter, 0, 0);
    uthread_yield();
    uthread_yield();
    printf("main unlocks: %d, ", uthread_mutex_unlock(&m));
    uthread_join(w);
    return 0;
}
