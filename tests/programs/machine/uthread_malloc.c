// expect: the thread got 1 MiB from malloc
/* malloc in a thread that needs more heap: sbrk must work on any stack. */
#include <stdio.h>
#include <stdlib.h>
#include <uthread.h>

static void grab(void *arg)
{
    char *p = malloc(1 << 20);
    printf("the thread %s 1 MiB from malloc\n", p ? "got" : "did not get");
    free(p);
}

int main(void)
{
    uthread_join(uthread_create(grab, 0, 0));
    return 0;
}
