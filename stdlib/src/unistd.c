/* Thin wrappers over pvm's system calls (numbers from <sys/syscall.h>,
 * generated from pvm/abi/syscalls.py).  A result in [-4095, -1] is a negated
 * errno: the wrappers store it in errno and return -1, as POSIX does. */
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <time.h>
#include <stdarg.h>
#include <sys/syscall.h>

int errno;

static long sys_result(long r)
{
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

ssize_t read(int fd, void *buf, size_t n)
{
    return sys_result(__syscall(SYS_read, (long)fd, (long)buf, (long)n));
}

ssize_t write(int fd, const void *buf, size_t n)
{
    return sys_result(__syscall(SYS_write, (long)fd, (long)buf, (long)n));
}

int open(const char *path, int flags, ...)
{
    int mode = 0;
    va_list ap;
    if (flags & O_CREAT) {
        va_start(ap, flags);
        mode = va_arg(ap, int);
        va_end(ap);
    }
    return (int)sys_result(__syscall(SYS_open, (long)path, (long)flags, (long)mode));
}

int creat(const char *path, int mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int close(int fd)
{
    return (int)sys_result(__syscall(SYS_close, (long)fd));
}

off_t lseek(int fd, off_t offset, int whence)
{
    return sys_result(__syscall(SYS_lseek, (long)fd, offset, (long)whence));
}

void *sbrk(long increment)
{
    long r = __syscall(SYS_sbrk, increment);
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        return (void *)-1;
    }
    return (void *)r;
}

int isatty(int fd)
{
    long r = __syscall(SYS_isatty, (long)fd);
    if (r <= 0) {
        errno = ENOTTY;
        return 0;
    }
    return 1;
}

pid_t getpid(void)
{
    return (pid_t)__syscall(SYS_getpid);
}

int unlink(const char *path)
{
    return (int)sys_result(__syscall(SYS_unlink, (long)path));
}

void _exit(int status)
{
    __syscall(SYS_exit, (long)status);
}

time_t time(time_t *t)
{
    time_t now = __syscall(SYS_time);
    if (t)
        *t = now;
    return now;
}

double difftime(time_t end, time_t start)
{
    return (double)(end - start);
}

/* glibc's clock() is CPU time in microseconds; pvm has one process, so
 * the time since its first call stands in for it. */
clock_t clock(void)
{
    static long start = -1;
    long now = __syscall(SYS_clock);
    if (start < 0)
        start = now;
    return (now - start) / 1000;
}
