/* Running commands in the shell: system(), popen() and pclose().
 *
 * Each runs `/bin/sh -c command` in a child process, the POSIX way: fork,
 * then execv in the child (exit status 127 if the shell cannot be run).
 * That needs minios; under a bare `pvm run` fork and pipe answer ENOSYS,
 * and these fail with errno ENOSYS and the one-time note (__minios_result
 * in proc.c), named after the function called. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/syscall.h>

#define SHELL "/bin/sh"
#define POPEN_MAX 16        /* popen streams open at once */

/* Which child feeds or drains each popen'd stream, for pclose to wait on. */
static struct {
    FILE *f;                /* NULL: a free slot */
    pid_t pid;
} children[POPEN_MAX];

/* In the child: become the shell running cmd. */
static _Noreturn void run_shell(const char *cmd)
{
    char *argv[4];
    argv[0] = "sh";
    argv[1] = "-c";
    argv[2] = (char *)cmd;
    argv[3] = NULL;
    execv(SHELL, argv);
    _exit(127);
}

/* The child's status, once it has ended. */
static int wait_for(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

/* A shell can run when there are processes (getppid is a cheap call that
 * a bare run answers ENOSYS) and the shell's file exists.  Asking is not
 * an error: no note. */
static int shell_available(void)
{
    int fd;
    if (__syscall(SYS_getppid) == -ENOSYS)
        return 0;
    fd = open(SHELL, O_RDONLY);
    if (fd < 0)
        return 0;
    close(fd);
    return 1;
}

/* The wait status of `sh -c cmd` (see <sys/wait.h>), or -1 with errno set.
 * system(NULL) tells whether a shell is available. */
int system(const char *cmd)
{
    pid_t pid;
    if (!cmd)
        return shell_available();
    pid = (pid_t)__minios_result("system", __syscall(SYS_fork));
    if (pid < 0)
        return -1;
    if (pid == 0)
        run_shell(cmd);
    return wait_for(pid);
}

/* A stream connected to cmd's standard output ("r") or input ("w"). */
FILE *popen(const char *cmd, const char *mode)
{
    int fds[2], reading, mine, theirs, target, slot, i;
    pid_t pid;
    FILE *f;
    if (!mode || (mode[0] != 'r' && mode[0] != 'w') || mode[1]) {
        errno = EINVAL;
        return NULL;
    }
    for (slot = 0; slot < POPEN_MAX && children[slot].f; slot++)
        ;
    if (slot == POPEN_MAX) {
        errno = EMFILE;
        return NULL;
    }
    if (__minios_result("popen", __syscall(SYS_pipe, (long)fds)) < 0)
        return NULL;
    reading = mode[0] == 'r';
    mine = reading ? fds[0] : fds[1];
    theirs = reading ? fds[1] : fds[0];
    target = reading ? STDOUT_FILENO : STDIN_FILENO;
    pid = (pid_t)__minios_result("popen", __syscall(SYS_fork));
    if (pid < 0) {
        close(mine);
        close(theirs);
        return NULL;
    }
    if (pid == 0) {
        /* Close our end first: it may be the target descriptor itself. */
        close(mine);
        if (theirs != target) {
            dup2(theirs, target);
            close(theirs);
        }
        /* POSIX: the streams of earlier popens are not the child's. */
        for (i = 0; i < POPEN_MAX; i++)
            if (children[i].f)
                close(fileno(children[i].f));
        run_shell(cmd);
    }
    close(theirs);
    f = fdopen(mine, mode);
    if (!f) {
        close(mine);            /* the child sees end of file or a broken pipe */
        wait_for(pid);
        errno = ENOMEM;
        return NULL;
    }
    children[slot].f = f;
    children[slot].pid = pid;
    return f;
}

/* Close a popen'd stream and wait for its command: its wait status, or -1
 * (ECHILD: f did not come from popen). */
int pclose(FILE *f)
{
    int i;
    pid_t pid;
    for (i = 0; i < POPEN_MAX; i++)
        if (f && children[i].f == f)
            break;
    if (i == POPEN_MAX) {
        errno = ECHILD;
        return -1;
    }
    pid = children[i].pid;
    children[i].f = NULL;
    fclose(f);
    return wait_for(pid);
}
