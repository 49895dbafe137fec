/* Host shim: runs pvm's C library natively under Linux, for testing it
 * against glibc before (and besides) the pvm compiler.
 *
 * Linked with -nostdlib -e __host_entry: the entry stub passes argc/argv/envp
 * to the library's _start, __syscall maps pvm's system call numbers (see
 * pvm/abi/syscalls.py) onto Linux's, and __host_abort raises SIGABRT as a real
 * abort would (under pvm, abort() executes a trap instead). */
#include <stdarg.h>
#include <sys/syscall.h>

void _start(int argc, char **argv);

static char **host_envp;

__asm__(".text\n"
        ".globl __host_entry\n"
        "__host_entry:\n"
        "    xor %rbp, %rbp\n"
        "    mov (%rsp), %rdi\n"
        "    lea 8(%rsp), %rsi\n"
        "    lea 8(%rsi,%rdi,8), %rdx\n"
        "    and $-16, %rsp\n"
        "    call __host_start\n"
        "    hlt\n");

void __host_start(long argc, char **argv, char **envp)
{
    host_envp = envp;
    _start((int)argc, argv);
}

static long linux_syscall(long n, long a, long b, long c, long d)
{
    long r;
    register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return r;
}

#define LINUX_read 0
#define LINUX_write 1
#define LINUX_open 2
#define LINUX_close 3
#define LINUX_lseek 8
#define LINUX_ioctl 16
#define LINUX_brk 12
#define LINUX_getpid 39
#define LINUX_kill 62
#define LINUX_unlink 87
#define LINUX_time 201
#define LINUX_clock_gettime 228
#define LINUX_exit_group 231
#define LINUX_nanosleep 35

static long current_break;

static long host_sbrk(long inc)
{
    long old, want;
    if (!current_break)
        current_break = linux_syscall(LINUX_brk, 0, 0, 0, 0);
    old = current_break;
    want = old + inc;
    if (linux_syscall(LINUX_brk, want, 0, 0, 0) != want)
        return -12;
    current_break = want;
    return old;
}

static long host_getenv(const char *name, char *buf, unsigned long n)
{
    char **e;
    const char *v, *s;
    unsigned long len, i;
    for (e = host_envp; *e; e++) {
        for (v = *e, s = name; *s && *v == *s; v++, s++)
            ;
        if (*s || *v != '=')
            continue;
        v++;
        for (len = 0; v[len]; len++)
            ;
        for (i = 0; i < len && i < n; i++)
            buf[i] = v[i];
        if (len < n)
            buf[len] = 0;
        return (long)len;
    }
    return -1;
}

long __syscall(long n, ...)
{
    long a[4] = {0, 0, 0, 0};
    long ts[2], termios[8];
    int count = n == SYS_read || n == SYS_write || n == SYS_open || n == SYS_lseek
                || n == SYS_getenv ? 3 : n == SYS_time || n == SYS_getpid || n == SYS_clock
                || n == SYS_uptime ? 0 : 1;
    int i;
    va_list ap;
    va_start(ap, n);
    for (i = 0; i < count; i++)
        a[i] = va_arg(ap, long);
    va_end(ap);
    switch (n) {
    case SYS_exit: return linux_syscall(LINUX_exit_group, a[0], 0, 0, 0);
    case SYS_read: return linux_syscall(LINUX_read, a[0], a[1], a[2], 0);
    case SYS_write: return linux_syscall(LINUX_write, a[0], a[1], a[2], 0);
    case SYS_open: return linux_syscall(LINUX_open, a[0], a[1], a[2], 0);
    case SYS_close: return linux_syscall(LINUX_close, a[0], 0, 0, 0);
    case SYS_lseek: return linux_syscall(LINUX_lseek, a[0], a[1], a[2], 0);
    case SYS_sbrk: return host_sbrk(a[0]);
    case SYS_time: return linux_syscall(LINUX_time, 0, 0, 0, 0);
    case SYS_getpid: return linux_syscall(LINUX_getpid, 0, 0, 0, 0);
    case SYS_clock:
        linux_syscall(LINUX_clock_gettime, 1, (long)ts, 0, 0);
        return ts[0] * 1000000000L + ts[1];
    case SYS_unlink: return linux_syscall(LINUX_unlink, a[0], 0, 0, 0);
    case SYS_isatty: return linux_syscall(LINUX_ioctl, a[0], 0x5401, (long)termios, 0) == 0;
    case SYS_getenv: return host_getenv((const char *)a[0], (char *)a[1], (unsigned long)a[2]);
    case SYS_msleep:
        ts[0] = a[0] / 1000;
        ts[1] = a[0] % 1000 * 1000000;
        return a[0] > 0 ? linux_syscall(LINUX_nanosleep, (long)ts, 0, 0, 0) : 0;
    case SYS_uptime:
        linux_syscall(LINUX_clock_gettime, 1, (long)ts, 0, 0);
        return ts[0] * 1000 + ts[1] / 1000000;
    }
    /* the other process calls need minios: -ENOSYS, as a bare pvm run answers */
    return -38;
}

void __host_abort(void)
{
    linux_syscall(LINUX_kill, linux_syscall(LINUX_getpid, 0, 0, 0, 0), 6, 0, 0);
}
