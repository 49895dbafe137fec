/* A child moves its frame pointer to an unmapped page and makes a system
 * call: the machine cannot save its registers there, so the kernel ends
 * it (SIGSEGV) instead of the machine stopping with a double fault. */
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void)
{
    int pid = fork();
    if (pid == 0) {
        long nowhere = 0x3000000;
        asm volatile("setfp %0" : : "r"(nowhere));
        __syscall(SYS_getpid);
        return 0;
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child: %s %d\n", WIFSIGNALED(st) ? "killed by signal" : "exited",
           WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    return 0;
}
