/* uthreads.c: user-level threads from <uthread.h>.  Three threads share one
 * machine thread and take turns: each runs until it yields, blocks or
 * exits, and the next runnable one, in creation order, goes on.
 *
 * Two workers count a shared counter up, each step a read, a yield and a
 * write: without the mutex the other thread's writes in between would be
 * lost.  One worker returns from its function (an implicit exit), the
 * other leaves through uthread_exit from inside a helper.  main joins both.
 *
 *   pvm run examples/machine/uthreads.c
 */
#include <stdio.h>
#include <uthread.h>

#define STEPS 3

static uthread_mutex_t lock = UTHREAD_MUTEX_INITIALIZER;
static int counter;

/* One step: holding the lock across a yield keeps the other out. */
static void add_one(const char *name)
{
    int seen;

    uthread_mutex_lock(&lock);
    seen = counter;
    uthread_yield();
    counter = seen + 1;
    printf("%s: counter %d -> %d\n", name, seen, counter);
    uthread_mutex_unlock(&lock);
    uthread_yield();            /* let the other one take the lock */
}

static void returner(void *arg)
{
    int i;

    for (i = 0; i < STEPS; i++)
        add_one(arg);
    printf("%s: returns\n", (char *)arg);
}

static void leave(const char *name)
{
    printf("%s: calls uthread_exit\n", name);
    uthread_exit();
    printf("%s: not reached\n", name);
}

static void exiter(void *arg)
{
    int i;

    for (i = 0; i < STEPS; i++)
        add_one(arg);
    leave(arg);
}

int main(void)
{
    int a = uthread_create(returner, "A", 0);
    int b = uthread_create(exiter, "B", 0);

    printf("main: created threads %d and %d\n", a, b);
    uthread_join(a);
    printf("main: joined %d\n", a);
    uthread_join(b);
    printf("main: joined %d; counter is %d\n", b, counter);
    return 0;
}
