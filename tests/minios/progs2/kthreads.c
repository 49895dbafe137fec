/* Kernel threads: four threads add to one counter under a mutex_t, each
 * returns a value through thread_join; then a thread's runaway recursion
 * ends the whole process (in a child, so that we can see how it ended). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <thread.h>
#include <sys/wait.h>

#define ROUNDS 300

static mutex_t lock = MUTEX_INITIALIZER;
static long counter;

static void add(void *arg)
{
    for (int i = 0; i < ROUNDS; i++) {
        mutex_lock(&lock);
        long seen = counter;
        if (i % 50 == 0)
            usleep(1000);               /* sleep holding the lock: the others must wait */
        counter = seen + 1;
        mutex_unlock(&lock);
    }
    thread_exit((long)arg * 10);
}

static int depth(int n)
{
    volatile char pad[512];
    pad[0] = (char)n;
    return depth(n + 1) + pad[0];
}

static void runaway(void *arg)
{
    depth(0);
}

int main(void)
{
    int tids[4];
    for (long i = 0; i < 4; i++)
        tids[i] = thread_create(add, (void *)(i + 1), 0);
    for (int i = 0; i < 4; i++) {
        long value = -1;
        int r = thread_join(tids[i], &value);
        printf("joined thread %d: %d, value %ld\n", i + 1, r, value);
    }
    printf("counter %ld (want %d)\n", counter, 4 * ROUNDS);
    fflush(stdout);
    int pid = fork();
    if (pid == 0) {
        thread_create(runaway, 0, 16384);
        for (;;)
            usleep(10000);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("runaway thread: %s %d\n", WIFSIGNALED(st) ? "killed by signal" : "exited", WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    return 0;
}
