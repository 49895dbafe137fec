/* minios: threads, and the kernel mutex they share.
 *
 * A thread is a slot of the process table in its process's group
 * (proc.h): the same page table, open files and heap, a trap frame and a
 * stack of its own, scheduled like any process.  Slot i's stack lies at
 * THREAD_STACKS + i * THREAD_SPAN, under the next slot's guard page, and
 * its trap frame's stack limit is the stack's bottom: a runaway recursion
 * is a stack overflow, which ends the process, as any fault does.
 *
 * A thread starts where its program did, at _start (the crt0 of the
 * stdlib), with argc -1 and argv pointing at {fn, arg} on its new stack:
 * so the kernel never resumes user mode at an address it was handed,
 * which might not be code at all; _start calls fn(arg) in user mode,
 * where a bad fn is the program's own fault.
 */
#include "defs.h"

static int map_stack(struct proc *t, long lo, long hi) {
    for (long va = lo; va < hi; va += PAGE_SIZE)
        if (uvm_map(t->pagetable, va, PTE_W) < 0)
            return -1;
    return 0;
}

static void unmap_stack(struct proc *t) {
    for (long va = t->stack_lo; va < t->stack_hi; va += PAGE_SIZE)
        uvm_unmap(t->pagetable, va);
    t->stack_lo = t->stack_hi = 0;
}

long sys_thread_create(struct trapframe *tf) {
    struct proc *g = current->group;
    long fn = tf->a[1], arg = tf->a[2], size = tf->a[3];
    if (size == 0)
        size = THREAD_STACK_DEFAULT;
    size = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    if (size < 0 || size > THREAD_SPAN - PAGE_SIZE)
        return -EINVAL;
    if (size / PAGE_SIZE > kfree_pages() - 64)
        return -ENOMEM;
    struct proc *t = allocproc();
    if (!t)
        return -EAGAIN;
    long hi = THREAD_STACKS + (t - procs + 1) * THREAD_SPAN, lo = hi - size;
    t->group = g;
    t->pagetable = g->pagetable;
    t->stack_lo = lo;
    t->stack_hi = hi;
    long start[2];
    start[0] = fn;
    start[1] = arg;
    if (map_stack(t, lo, hi) < 0 || copyout(t, hi - 16, start, 16) < 0) {
        unmap_stack(t);
        memset(t, 0, sizeof *t);
        return -ENOMEM;
    }
    t->nice = current->nice;
    memcpy(t->name, g->name, sizeof t->name);
    memset(&t->tf, 0, sizeof t->tf);
    t->tf.pc = g->entry;
    t->tf.fp = hi - 16;
    t->tf.status = STATUS_PREV_USER | STATUS_PREV_IE | STATUS_START;
    t->tf.slimit = lo;
    t->tf.module = g->module;
    t->tf.a[0] = -1;                           /* _start(-1, {fn, arg}) */
    t->tf.a[1] = hi - 16;
    t->state = PROC_RUNNABLE;
    return t->pid;
}

/* The thread of the caller's process with id tid (not the leader), or 0. */
static struct proc *thread_of(long tid) {
    for (int i = 0; i < NPROC; i++) {
        struct proc *t = &procs[i];
        if (t->pid == tid && t->state != PROC_UNUSED && t->group == current->group && t != t->group)
            return t;
    }
    return 0;
}

long sys_thread_join(struct trapframe *tf) {
    struct proc *t = thread_of(tf->a[1]);
    if (!t || t == current)
        return t ? -EDEADLK : -ESRCH;
    if (t->state != PROC_ZOMBIE) {
        sleep_on(current, t);                  /* thread_exit wakes its joiners */
        return 0;
    }
    if (tf->a[2] && copyout(current, tf->a[2], &t->xstatus, 8) < 0)
        return -EFAULT;
    memset(t, 0, sizeof *t);
    return 0;
}

/* In a thread, only it ends: its stack goes now, its slot when joined.
 * In the leader, the process ends (exit's status is value's low byte). */
long sys_thread_exit(struct trapframe *tf) {
    struct proc *t = current;
    if (t == t->group) {
        exit_proc(t, (tf->a[1] & 0xff) << 8);
        return 0;
    }
    unmap_stack(t);
    t->xstatus = tf->a[1];
    t->state = PROC_ZOMBIE;
    wakeup(t);
    return 0;
}

long sys_gettid(struct trapframe *tf) {
    return current->pid;
}

/* A mutex is an int in user memory: 0 free, 1 held.  Lock and unlock are
 * system calls, so each is atomic (no call interleaves with another);
 * waiters sleep on the word's physical address, which names it whatever
 * page tables share it. */
static long word_address(long va) {
    if (va & 3)
        return 0;
    return uvm_translate(current->pagetable, va, PTE_W);
}

long sys_mutex_lock(struct trapframe *tf) {
    int *word = (int *)word_address(tf->a[1]);
    if (!word)
        return -EFAULT;
    if (*word) {
        sleep_on(current, word);
        return 0;
    }
    *word = 1;
    return 0;
}

long sys_mutex_unlock(struct trapframe *tf) {
    int *word = (int *)word_address(tf->a[1]);
    if (!word)
        return -EFAULT;
    if (!*word)
        return -EPERM;
    *word = 0;
    wakeup(word);
    return 0;
}
