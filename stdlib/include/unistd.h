/* <unistd.h>: thin wrappers over pvm's system calls (see pvm/abi/syscalls.py).
 * On failure they set errno and return -1, like POSIX. */
#ifndef _UNISTD_H
#define _UNISTD_H

#ifndef _PVM_SIZE_T
#define _PVM_SIZE_T
typedef unsigned long size_t;
#endif
#ifndef _PVM_SSIZE_T
#define _PVM_SSIZE_T
typedef long ssize_t;
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif
typedef long off_t;
#ifndef _PVM_PID_T
#define _PVM_PID_T
typedef int pid_t;
#endif

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#ifndef __pvm__
/* pvm's compiler provides __syscall as a builtin; the host test build
 * gets it from tests/stdlib/host_shim.c. */
long __syscall(long n, ...);
#endif

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
void *sbrk(long increment);
int isatty(int fd);
pid_t getpid(void);
int unlink(const char *path);
void _exit(int status);

/* Processes (stdlib/src/proc.c).  They need minios (`pvm boot`): under a
 * bare `pvm run` fork, execv, getppid, halt and nice fail with ENOSYS, and
 * the first such failure in a run says so on stderr.  sleep and uptime work
 * everywhere. */
pid_t fork(void);
int execv(const char *path, char *const argv[]);
pid_t getppid(void);
unsigned sleep(unsigned seconds);
int usleep(unsigned long usec);
long uptime(void);              /* milliseconds since the machine started */
int halt(int status);           /* power off with this status; returns only on error */
int nice(int inc);

/* Files (stdlib/src/files.c): minios only, ENOSYS under a bare `pvm run`.
 * pipe: fds[0] reads what fds[1] writes.  dup: the lowest free descriptor
 * for fd's open file.  dup2: newfd becomes one for fd's (closed first). */
int pipe(int fds[2]);
int dup(int fd);
int dup2(int fd, int newfd);
int chdir(const char *path);

/* Internal (proc.c), shared by the wrappers of calls only minios services:
 * turns a negated errno into errno and -1, and says once per run on stderr
 * that `name` needs minios when the answer is ENOSYS. */
long __minios_result(const char *name, long r);

#endif
