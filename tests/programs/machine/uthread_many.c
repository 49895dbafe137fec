// expect: 60 threads at once: sum 1830, every join 0
// expect: 200 threads of 1 MiB, one after another: all created and joined
// expect: 200 threads never joined: all created
// expect: heap grew by less than 8 MiB
/* Stacks are freed: 400 stacks of 1 MiB would need far more than the
   64 MiB of guest memory if the finished threads' stacks were kept,
   whether or not anyone joins them. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <uthread.h>

static int sum;

static void add(void *arg)
{
    uthread_yield();
    sum += (int)(long)arg;
}

static void nothing(void *arg)
{
}

int main(void)
{
    int ids[60], bad = 0;
    char *start;

    for (int i = 0; i < 60; i++)
        ids[i] = uthread_create(add, (void *)(long)(i + 1), 8192);
    for (int i = 0; i < 60; i++)
        bad += uthread_join(ids[i]) != 0;
    printf("60 threads at once: sum %d, %s\n", sum, bad ? "a join failed" : "every join 0");

    start = sbrk(0);
    for (int i = 0; i < 200; i++) {
        int t = uthread_create(nothing, 0, 1 << 20);
        if (t < 0 || uthread_join(t) != 0) {
            printf("thread %d: create or join failed\n", i);
            return 1;
        }
    }
    printf("200 threads of 1 MiB, one after another: all created and joined\n");

    for (int i = 0; i < 200; i++) {
        if (uthread_create(nothing, 0, 1 << 20) < 0) {
            printf("thread %d: create failed\n", i);
            return 1;
        }
        uthread_yield();        /* it runs and finishes; its stack is freed */
    }
    printf("200 threads never joined: all created\n");
    printf("heap grew by %s 8 MiB\n", (char *)sbrk(0) - start < (8 << 20) ? "less than" : "more than");
    return 0;
}
