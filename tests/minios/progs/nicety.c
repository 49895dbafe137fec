/* A process with a higher nice value waits while a better one can run. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void work(const char *who, int inc) {
    nice(inc);
    volatile long s = 0;
    for (long j = 0; j < 2000000; j++)
        s += j;
    printf("%s done\n", who);
    fflush(stdout);
    exit(0);
}

int main(void) {
    int low = fork();
    if (low == 0)
        work("nice 19", 19);
    int high = fork();
    if (high == 0)
        work("nice 0", 0);
    waitpid(low, 0, 0);
    waitpid(high, 0, 0);
    return 0;
}
