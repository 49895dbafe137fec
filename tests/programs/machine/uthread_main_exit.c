// expect: main leaves by uthread_exit
// expect: a 0
// expect: b 0
// expect: a 1
// expect: b 1
// expect: b 2
// expect: the last thread to finish ends the program
/* The main thread may leave by uthread_exit: the others go on, and the
   program ends, with status 0, when the last of them has finished (as
   pthread_exit in main does).  main's return value is never used. */
#include <stdio.h>
#include <stdlib.h>
#include <uthread.h>

static void count(void *arg)
{
    const char *name = arg;
    int n = name[0] == 'a' ? 2 : 3;
    for (int i = 0; i < n; i++) {
        printf("%s %d\n", name, i);
        uthread_yield();
    }
    if (n == 3)
        printf("the last thread to finish ends the program\n");
}

int main(void)
{
    uthread_create(count, "a", 0);
    uthread_create(count, "b", 0);
    printf("main leaves by uthread_exit\n");
    uthread_exit();
    printf("not reached\n");
    return 7;
}
