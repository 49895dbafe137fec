/* Files and directories beyond open/read/write: pipes, descriptor copies,
 * the working directory, fstat/stat, mkdir.  Only minios services these
 * calls; under a bare `pvm run` they fail with ENOSYS and the one-time note
 * (see __minios_result in proc.c). */
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int pipe(int fds[2])
{
    return (int)__minios_result("pipe", __syscall(SYS_pipe, (long)fds));
}

int dup(int fd)
{
    return (int)__minios_result("dup", __syscall(SYS_dup, (long)fd));
}

int dup2(int fd, int newfd)
{
    return (int)__minios_result("dup2", __syscall(SYS_dup2, (long)fd, (long)newfd));
}

int chdir(const char *path)
{
    return (int)__minios_result("chdir", __syscall(SYS_chdir, (long)path));
}

int mkdir(const char *path, int mode)
{
    return (int)__minios_result("mkdir", __syscall(SYS_mkdir, (long)path, (long)mode));
}

int fstat(int fd, struct stat *st)
{
    return (int)__minios_result("fstat", __syscall(SYS_fstat, (long)fd, (long)st));
}

/* The kernel has no stat call: open, fstat, close.  The fstat is made
 * here, not through fstat(), so a note names the function called: stat. */
int stat(const char *path, struct stat *st)
{
    int fd = open(path, O_RDONLY);
    int r;
    if (fd < 0)
        return -1;
    r = (int)__minios_result("stat", __syscall(SYS_fstat, (long)fd, (long)st));
    close(fd);          /* cannot fail: it leaves fstat's errno alone */
    return r;
}
