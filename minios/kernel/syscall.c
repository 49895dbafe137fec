/* minios: system calls.  The numbers and the dispatch table come from the
 * one table in pvm/abi/syscalls.py (<sys/syscall.h>, <systab.h>), the same
 * numbers a bare `pvm run` services, so one compiled program runs under
 * both.  A call's number is in tf->a[0] and its arguments in a[1..6]; its
 * result goes to tf->ret, unless it made the process wait: then the call
 * runs again, from the start, when the process is woken (proc.c). */
#include "defs.h"
#include <systab.h>

void syscall(struct proc *p) {
    long n = p->tf.a[0];
    if (n <= 0 || n >= NSYSCALL || !syscalls[n]) {
        p->tf.ret = -ENOSYS;
        return;
    }
    long r = syscalls[n](&p->tf);
    if (p->state == PROC_SLEEPING) {
        p->restart = 1;
        return;
    }
    p->restart = 0;
    p->done = 0;
    p->tf.ret = r;
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
    static char path[MAXPATH], strings[ARGBYTES];
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
