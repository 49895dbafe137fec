// expect: joins of no such thread: -1 -1 -1
// expect: join of oneself: -1, of the main thread: -1
// expect: quick has finished before the join: 0
// expect: join again: -1
// expect: slow 0
// expect: slow 1
// expect: slow 2
// expect: joiner: slow joined: 0
// expect: main: joiner joined: 0
// expect: main: slow joined again: -1
/* uthread_join: of a finished thread, of one still running (joined by
   another thread, not main), and of ids that are not threads. */
#include <stdio.h>
#include <uthread.h>

static int quick_done;

static void quick(void *arg)
{
    quick_done = 1;
}

static void slow(void *arg)
{
    for (int i = 0; i < 3; i++) {
        printf("slow %d\n", i);
        uthread_yield();
    }
}

static int self_join, main_join;

static void selfish(void *arg)
{
    self_join = uthread_join(uthread_self());
    main_join = uthread_join(0);
}

static void joiner(void *arg)
{
    int id = *(int *)arg;
    printf("joiner: slow joined: %d\n", uthread_join(id));
}

int main(void)
{
    printf("joins of no such thread: %d %d %d\n", uthread_join(1), uthread_join(-1), uthread_join(99));
    uthread_join(uthread_create(selfish, 0, 0));
    printf("join of oneself: %d, of the main thread: %d\n", self_join, main_join);

    int q = uthread_create(quick, 0, 0);
    while (!quick_done)
        uthread_yield();
    uthread_yield();
    printf("quick has finished before the join: %d\n", uthread_join(q));
    printf("join again: %d\n", uthread_join(q));

    int s = uthread_create(slow, 0, 0);
    int j = uthread_create(joiner, &s, 0);
    printf("main: joiner joined: %d\n", uthread_join(j));
    printf("main: slow joined again: %d\n", uthread_join(s));
    return 0;
}
