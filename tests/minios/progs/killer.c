/* kill ends a sleeping child; its parent sees the signal. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int pid = fork();
    if (pid == 0)
        for (;;)
            sleep(1);
    int status;
    printf("kill: %d\n", kill(pid, SIGKILL));
    waitpid(pid, &status, 0);
    printf("child %s by signal %d\n", WIFSIGNALED(status) ? "killed" : "NOT killed", WTERMSIG(status));
    printf("kill again: %d\n", kill(pid, SIGKILL));
    return 0;
}
