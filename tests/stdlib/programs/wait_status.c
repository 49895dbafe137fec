/* <sys/wait.h>'s macros decode a status as glibc's do (Linux's encoding:
 * exit code << 8, or the signal in the low 7 bits), and <signal.h>'s
 * numbers are Linux's.  sleep(0) returns at once with 0. */
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static void show(int s)
{
    printf("%#06x: exited %d", s, WIFEXITED(s) != 0);
    if (WIFEXITED(s))
        printf(" status %d", WEXITSTATUS(s));
    printf(" signaled %d", WIFSIGNALED(s) != 0);
    if (WIFSIGNALED(s))
        printf(" sig %d core %d", WTERMSIG(s), WCOREDUMP(s) != 0);
    printf(" stopped %d", WIFSTOPPED(s) != 0);
    if (WIFSTOPPED(s))
        printf(" stopsig %d", WSTOPSIG(s));
    printf("\n");
}

int main(void)
{
    int codes[] = {0, 1, 2, 42, 127, 128, 255, 256, 300, -1};
    int sigs[] = {SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGKILL,
                  SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD};
    unsigned i;
    for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
        show((codes[i] & 0xff) << 8);
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        printf("signal %d: ", sigs[i]);
        show(sigs[i]);
        show(sigs[i] | 0x80);
    }
    show(0x137f);       /* stopped by SIGSTOP (19) */
    printf("WNOHANG %d\n", WNOHANG);
    printf("sleep(0) = %u\n", sleep(0));
    return 0;
}
