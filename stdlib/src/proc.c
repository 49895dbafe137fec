/* Processes: thin wrappers over the system calls minios services (numbers
 * from <sys/syscall.h>).  A bare `pvm run` has no kernel to fork or wait
 * and answers -ENOSYS; the wrappers then fail with errno ENOSYS like any
 * other error, and the first time in a run they also say why on stderr, so
 * a program that ignores the error does not fail silently. */
#include <unistd.h>
#include <signal.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/proc.h>
#include <sys/syscall.h>

/* A result in [-4095, -1] is a negated errno (see unistd.c).  Every
 * wrapper of a call that only minios services goes through here (files.c,
 * dirent.c, thread.c and shell.c too), so the note is one per run, named
 * after the first call that failed. */
long __minios_result(const char *name, long r)
{
    static int warned;
    if (r < 0 && r > -4096) {
        if (r == -ENOSYS && !warned) {
            static const char why[] = ": not available under pvm run: processes need minios (pvm boot)\n";
            warned = 1;
            write(STDERR_FILENO, name, strlen(name));
            write(STDERR_FILENO, why, sizeof why - 1);
        }
        errno = (int)-r;
        return -1;
    }
    return r;
}

pid_t fork(void)
{
    return (pid_t)__minios_result("fork", __syscall(SYS_fork));
}

int execv(const char *path, char *const argv[])
{
    return (int)__minios_result("execv", __syscall(SYS_execv, (long)path, (long)argv));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
    return (pid_t)__minios_result("waitpid", __syscall(SYS_waitpid, (long)pid, (long)status, (long)options));
}

pid_t wait(int *status)
{
    return waitpid(-1, status, 0);
}

int kill(pid_t pid, int sig)
{
    return (int)__minios_result("kill", __syscall(SYS_kill, (long)pid, (long)sig));
}

pid_t getppid(void)
{
    return (pid_t)__minios_result("getppid", __syscall(SYS_getppid));
}

int halt(int status)
{
    return (int)__minios_result("halt", __syscall(SYS_halt, (long)status));
}

/* The new nice value is in [-20, 19], which overlaps the errno range: only
 * results below -20 are errors (ENOSYS, EINVAL, ...).  As in POSIX, a
 * caller that must tell -1 from an error clears errno first. */
int nice(int inc)
{
    long r = __syscall(SYS_nice, (long)inc);
    if (r >= -20)
        return (int)r;
    return (int)__minios_result("nice", r);
}

/* Slot by slot, as ps reads the table: -1 with ESRCH for a free slot,
 * EINVAL past the end. */
int procinfo(int slot, struct procinfo *info)
{
    return (int)__minios_result("procinfo", __syscall(SYS_procinfo, (long)slot, (long)info));
}

/* msleep and uptime work under a bare run too: the host sleeps and counts. */
int usleep(unsigned long usec)
{
    return (int)__minios_result("usleep", __syscall(SYS_msleep, (long)((usec + 999) / 1000)));
}

/* Returns the seconds left to sleep: 0, or all of them if it failed. */
unsigned sleep(unsigned seconds)
{
    if (__minios_result("sleep", __syscall(SYS_msleep, (long)seconds * 1000)) < 0)
        return seconds;
    return 0;
}

long uptime(void)
{
    return __minios_result("uptime", __syscall(SYS_uptime));
}
