// expect: main: created 1 2 3
// expect: one 0
// expect: two 0
// expect: three 0
// expect: main yields
// expect: one 1
// expect: two 1
// expect: three 1
// expect: main yields
// expect: one 2
// expect: two leaves by uthread_exit
// expect: three 2
// expect: main yields
// expect: one returns
// expect: three 3
// expect: main yields
// expect: three returns
// expect: main joins 1 2 3: 0 0 0
// expect: self 0
/* Round robin in creation order, main (id 0) included: each yield goes
   to the next runnable thread; a finished one drops out of the turn. */
#include <stdio.h>
#include <uthread.h>

struct job { const char *name; int steps; int quit_at; };

static void leave(const char *name)
{
    printf("%s leaves by uthread_exit\n", name);
    uthread_exit();
    printf("%s: not reached\n", name);
}

static void run(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < j->steps; i++) {
        if (i == j->quit_at)
            leave(j->name);
        printf("%s %d\n", j->name, i);
        uthread_yield();
    }
    printf("%s returns\n", j->name);
}

int main(void)
{
    struct job one = {"one", 3, -1}, two = {"two", 5, 2}, three = {"three", 4, -1};
    int a = uthread_create(run, &one, 0);
    int b = uthread_create(run, &two, 0);
    int c = uthread_create(run, &three, 0);
    printf("main: created %d %d %d\n", a, b, c);
    for (int i = 0; i < 4; i++) {
        uthread_yield();
        printf("main yields\n");
    }
    int ra = uthread_join(a), rb = uthread_join(b), rc = uthread_join(c);
    printf("main joins %d %d %d: %d %d %d\n", a, b, c, ra, rb, rc);
    printf("self %d\n", uthread_self());
    return 0;
}
