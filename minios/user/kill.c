/* kill [-9|-15|-SIG] PID...: send a signal (default SIGTERM) to processes.
 * minios has no signal handlers, so any signal ends the process; its
 * parent sees the signal in WTERMSIG. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>

static const struct { const char *name; int sig; } names[] = {
    {"HUP", SIGHUP}, {"INT", SIGINT}, {"QUIT", SIGQUIT}, {"ILL", SIGILL},
    {"ABRT", SIGABRT}, {"FPE", SIGFPE}, {"KILL", SIGKILL}, {"SEGV", SIGSEGV},
    {"PIPE", SIGPIPE}, {"ALRM", SIGALRM}, {"TERM", SIGTERM},
    {"USR1", SIGUSR1}, {"USR2", SIGUSR2},
};

/* "9", "KILL" or "SIGKILL" -> 9; -1 if it is none of them. */
static int signum(const char *s)
{
    char *end;
    unsigned i;
    long n = strtol(s, &end, 10);
    if (*s && !*end)
        return n > 0 && n < 65 ? (int)n : -1;
    if (strncmp(s, "SIG", 3) == 0)
        s += 3;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0)
            return names[i].sig;
    return -1;
}

int main(int argc, char **argv)
{
    int sig = SIGTERM, status = 0, i = 1;
    char *end;
    long pid;
    if (argc > 1 && argv[1][0] == '-') {
        sig = signum(argv[1] + 1);
        if (sig < 0) {
            fprintf(stderr, "kill: %s: invalid signal\n", argv[1] + 1);
            return 2;
        }
        i = 2;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: kill [-9|-15|-SIG] PID...\n");
        return 2;
    }
    for (; i < argc; i++) {
        pid = strtol(argv[i], &end, 10);
        if (*argv[i] == 0 || *end != 0) {
            fprintf(stderr, "kill: %s: not a process id\n", argv[i]);
            status = 1;
        } else if (kill((int)pid, sig) < 0) {
            fprintf(stderr, "kill: (%ld): %s\n", pid, strerror(errno));
            status = 1;
            if (errno == ENOSYS)    /* no kernel: the others will fail the same way */
                break;
        }
    }
    return status;
}
