/* fork children that exit with different statuses; wait for each. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int pids[5];
    for (int i = 0; i < 5; i++) {
        pids[i] = fork();
        if (pids[i] == 0)
            exit(10 + i);
    }
    for (int i = 4; i >= 0; i--) {
        int status;
        int got = waitpid(pids[i], &status, 0);
        printf("child %d: %s, status %d\n", i, got == pids[i] ? "reaped" : "LOST",
               WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    printf("no more children: %d\n", wait(0));
    return 0;
}
