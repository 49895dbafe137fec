/* Two CPU-bound children: preemption lets both make progress, so their
 * lines interleave. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void work(char who) {
    for (int i = 0; i < 4; i++) {
        volatile long s = 0;
        for (long j = 0; j < 400000; j++)
            s += j;
        printf("%c%d\n", who, i);
        fflush(stdout);                 /* each line as it happens */
    }
    exit(0);
}

int main(void) {
    int a = fork();
    if (a == 0)
        work('A');
    int b = fork();
    if (b == 0)
        work('B');
    waitpid(a, 0, 0);
    waitpid(b, 0, 0);
    return 0;
}
