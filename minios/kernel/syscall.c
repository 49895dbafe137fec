/* minios: system calls.  The numbers and the dispatch table come from the
 * one table in pvm/abi/syscalls.py (<sys/syscall.h>, <systab.h>), the same
 * numbers a bare `pvm run` services, so one compiled program runs under
 * both.  A call's number is in tf->a[0] and its arguments in a[1..6]; its
 * result goes to tf->ret, unless it made the process wait (proc.h). */
#include "defs.h"
#include <systab.h>

void syscall(struct proc *p) {
    long n = p->tf.a[0];
    if (n <= 0 || n >= NSYSCALL || !syscalls[n]) {
        p->tf.ret = -ENOSYS;
        return;
    }
    p->tf.ret = syscalls[n](&p->tf);
}

/* ---- files: the console is fds 0, 1 and 2; part 2 brings a file system */

long sys_read(struct trapframe *tf) {
    if (tf->a[1] != 0)
        return -EBADF;
    return console_read(current, tf->a[2], tf->a[3]);
}

long sys_write(struct trapframe *tf) {
    if (tf->a[1] != 1 && tf->a[1] != 2)
        return -EBADF;
    return console_write(current, tf->a[2], tf->a[3]);
}

/* The console is a terminal until its input ends: then, as after a
 * hang-up, it is not (init powers off instead of starting another shell). */
long sys_isatty(struct trapframe *tf) {
    return tf->a[1] >= 0 && tf->a[1] <= 2 && !console_hung_up();
}

long sys_open(struct trapframe *tf) {
    return -ENOSYS;
}

long sys_close(struct trapframe *tf) {
    return tf->a[1] >= 0 && tf->a[1] <= 2 ? 0 : -EBADF;
}

long sys_lseek(struct trapframe *tf) {
    return -ESPIPE;
}

long sys_unlink(struct trapframe *tf) {
    return -ENOSYS;
}

long sys_getenv(struct trapframe *tf) {
    return -1;                                 /* no environment yet */
}

/* ---- time ------------------------------------------------------------------------ */

long sys_time(struct trapframe *tf) {
    return *RTC_SECONDS;
}

long sys_clock(struct trapframe *tf) {
    return *TIMER_COUNT * 10;                  /* ns at the nominal 100 M instructions/s */
}

/* ---- programs ------------------------------------------------------------------- */

long sys_execv(struct trapframe *tf) {
    static char path[64], strings[ARGBYTES];
    char *argv[MAXARG + 1];
    if (copyinstr(current, path, tf->a[1], sizeof path) < 0)
        return -EFAULT;
    long at = 0, argc = 0;
    for (;; argc++) {
        long va;
        if (argc == MAXARG)
            return -E2BIG;
        if (copyin(current, &va, tf->a[2] + 8 * argc, 8) < 0)
            return -EFAULT;
        if (!va)
            break;
        long n = copyinstr(current, strings + at, va, ARGBYTES - at);
        if (n < 0)
            return n == -EFAULT ? -EFAULT : -E2BIG;
        argv[argc] = strings + at;
        at += n + 1;
    }
    argv[argc] = 0;
    return exec(current, path, argv);
}
