/* A child forks a grandchild and exits at once: the grandchild is given
 * to init (pid 1), which reaps it. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int child = fork();
    if (child == 0) {
        if (fork() == 0) {
            while (getppid() != 1)          /* until its parent is gone */
                sleep(0);
            printf("grandchild: my parent is now %d\n", getppid());
            exit(0);
        }
        exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    printf("child exited %d\n", WEXITSTATUS(status));
    sleep(1);                               /* the grandchild reports meanwhile */
    return 0;
}
