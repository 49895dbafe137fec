/* minios: processes: the table, fork, exit and wait, kill, and the
 * loaded programs they share.
 *
 * Exit statuses use Linux's encoding (<sys/wait.h>): a normal exit is
 * (status & 0xff) << 8, a process ended by a signal has the signal in the
 * low 7 bits.  A process that exits leaves its children to init, which
 * reaps them (Linux's find_new_reaper, simplified to init); init itself
 * must never end: the kernel panics if it does.
 */
#include "defs.h"

struct proc procs[NPROC];
struct proc *initproc;
static long next_pid = 1;

/* The kernel's references to loaded programs.  MODLOAD and MODFREE count
 * too, but a fork needs one more reference without loading again, so the
 * kernel keeps one machine reference per program and counts its users. */
static long module_users[MAX_MODULES + 1];

/* MODLOAD just took a machine reference to h for a new user: keep it if
 * it is the program's first, else give it back (the kernel has one). */
void module_adopt(long h) {
    if (module_users[h]++ > 0)
        asm volatile("modfree %0" : : "r"(h));
}

/* fork: one more user of a program the kernel holds already. */
void module_hold(long h) {
    module_users[h]++;
}

void module_release(long h) {
    if (h > 0 && --module_users[h] == 0)
        asm volatile("modfree %0" : : "r"(h));
}

void proc_init(void) {
    memset(procs, 0, sizeof procs);
}

/* A free slot made ready for a new process, or 0 if the table is full. */
struct proc *allocproc(void) {
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state == PROC_UNUSED) {
            memset(p, 0, sizeof *p);
            p->pid = next_pid++;
            p->state = PROC_SLEEPING;          /* not runnable until it has a program */
            return p;
        }
    }
    return 0;
}

/* The first process: init, with the boot command line's arguments. */
void userinit(int argc, char **argv) {
    char *args[MAXARG + 1];
    int n = 0;
    args[n++] = "init";
    for (int i = 1; i < argc && n < MAXARG; i++)
        args[n++] = argv[i];
    args[n] = 0;
    struct proc *p = allocproc();
    initproc = p;
    if (exec(p, "init", args) < 0)
        panic("cannot start init (is it on the disk?)");
    p->state = PROC_RUNNABLE;
}

/* Reap zombie child c for parent p's waitpid: its status to p's memory. */
static long reap(struct proc *p, struct proc *c, long status_va) {
    if (status_va && copyout(p, status_va, &c->xstatus, 4) < 0)
        return -EFAULT;
    long pid = c->pid;
    memset(c, 0, sizeof *c);
    return pid;
}

static int is_waited_child(struct proc *p, struct proc *c) {
    return c->parent == p && (p->wait_pid == -1 || p->wait_pid == c->pid);
}

/* End process p with `status`, already encoded as a wait status, or a
 * signal number (1..127) for a process killed by it. */
void exit_proc(struct proc *p, long status) {
    if (p == initproc)
        panic("init %s", status > 0 && status < 128 ? "killed" : "exiting");
    p->xstatus = status > 0 && status < 128 ? status : status & 0xff00;
    uvm_free(p->pagetable);
    p->pagetable = 0;
    module_release(p->module);
    p->module = 0;
    for (int i = 0; i < NPROC; i++) {          /* its children go to init */
        struct proc *c = &procs[i];
        if (c->parent == p && c->state != PROC_UNUSED) {
            c->parent = initproc;
            if (c->state == PROC_ZOMBIE && initproc->waiting == WAIT_CHILD &&
                is_waited_child(initproc, c)) {
                initproc->tf.ret = reap(initproc, c, initproc->wait_status);
                initproc->waiting = WAIT_NONE;
                initproc->state = PROC_RUNNABLE;
            }
        }
    }
    p->state = PROC_ZOMBIE;
    p->waiting = WAIT_NONE;
    struct proc *parent = p->parent;
    if (parent && parent->state == PROC_SLEEPING && parent->waiting == WAIT_CHILD &&
        is_waited_child(parent, p)) {          /* finish the parent's waitpid */
        parent->tf.ret = reap(parent, p, parent->wait_status);
        parent->waiting = WAIT_NONE;
        parent->state = PROC_RUNNABLE;
    }
}

void wakeup_timer(long now) {
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state == PROC_SLEEPING && p->waiting == WAIT_TIMER && p->wake_at <= now) {
            p->tf.ret = 0;
            p->waiting = WAIT_NONE;
            p->state = PROC_RUNNABLE;
        }
    }
}

/* ---- the system calls of processes ---------------------------------------------- */

long sys_fork(struct trapframe *tf) {
    struct proc *p = current, *c = allocproc();
    if (!c)
        return -EAGAIN;
    c->pagetable = uvm_create();
    if (!c->pagetable || uvm_copy(p->pagetable, c->pagetable) < 0) {
        if (c->pagetable)
            uvm_free(c->pagetable);
        memset(c, 0, sizeof *c);
        return -ENOMEM;
    }
    c->parent = p;
    c->module = p->module;
    module_hold(c->module);
    c->heap_base = p->heap_base;
    c->brk = p->brk;
    c->nice = p->nice;
    memcpy(c->name, p->name, sizeof c->name);
    c->tf = p->tf;                             /* it resumes after the SYSCALL too ... */
    c->tf.ret = 0;                             /* ... with 0 from fork */
    c->state = PROC_RUNNABLE;
    return c->pid;
}

long sys_exit(struct trapframe *tf) {
    exit_proc(current, (tf->a[1] & 0xff) << 8);
    return 0;
}

long sys_waitpid(struct trapframe *tf) {
    struct proc *p = current;
    long pid = tf->a[1], status_va = tf->a[2], options = tf->a[3];
    p->wait_pid = pid;
    int children = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *c = &procs[i];
        if (c->state == PROC_UNUSED || !is_waited_child(p, c))
            continue;
        children++;
        if (c->state == PROC_ZOMBIE)
            return reap(p, c, status_va);
    }
    if (!children)
        return -ECHILD;
    if (options & 1)                           /* WNOHANG */
        return 0;
    p->wait_status = status_va;
    p->waiting = WAIT_CHILD;
    p->state = PROC_SLEEPING;
    return 0;
}

long sys_kill(struct trapframe *tf) {
    long pid = tf->a[1], sig = tf->a[2];
    if (sig <= 0 || sig >= 128)
        return -EINVAL;
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->pid == pid && p->state != PROC_UNUSED && p->state != PROC_ZOMBIE) {
            if (p == initproc)
                panic("init killed (signal %ld)", sig);
            p->killed = sig;                   /* it ends before it runs again */
            if (p->state == PROC_SLEEPING) {
                p->waiting = WAIT_NONE;
                p->state = PROC_RUNNABLE;
            }
            return 0;
        }
    }
    return -ESRCH;
}

long sys_getpid(struct trapframe *tf) {
    return current->pid;
}

long sys_getppid(struct trapframe *tf) {
    return current->parent ? current->parent->pid : 0;
}

long sys_nice(struct trapframe *tf) {
    long v = current->nice + tf->a[1];
    current->nice = v < -20 ? -20 : v > 19 ? 19 : v;
    return current->nice;
}

long sys_msleep(struct trapframe *tf) {
    long ms = tf->a[1];
    if (ms <= 0) {                             /* sleep(0): the rest of the slice goes */
        current->slice = 0;
        return 0;
    }
    current->wake_at = ticks + (ms + MS_PER_TICK - 1) / MS_PER_TICK;
    current->waiting = WAIT_TIMER;
    current->state = PROC_SLEEPING;
    return 0;
}

long sys_uptime(struct trapframe *tf) {
    return ticks * MS_PER_TICK;
}

long sys_halt(struct trapframe *tf) {
    halt(tf->a[1] & 0xff);
    return 0;
}

/* sbrk: the break moves; pages come when first touched (trap.c), and
 * pages given back are freed now. */
long sys_sbrk(struct trapframe *tf) {
    struct proc *p = current;
    long old = p->brk, new = old + tf->a[1];
    if (new < p->heap_base || new > HEAP_MAX)
        return -ENOMEM;
    /* no overcommit: pages promised must exist (a few are kept for the
     * kernel's page tables), so a touch of the heap never finds none */
    if ((new - old) / PAGE_SIZE > kfree_pages() - 64)
        return -ENOMEM;
    long first = (new + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    for (long va = first; va < old; va += PAGE_SIZE)
        uvm_unmap(p->pagetable, va);
    p->brk = new;
    return old;
}

long sys_procinfo(struct trapframe *tf) {
    long slot = tf->a[1];
    if (slot < 0 || slot >= NPROC)
        return -EINVAL;
    struct proc *p = &procs[slot];
    if (p->state == PROC_UNUSED)
        return -ESRCH;
    struct procinfo info;
    memset(&info, 0, sizeof info);
    info.pid = p->pid;
    info.ppid = p->parent ? p->parent->pid : 0;
    info.state = p->state;
    info.nice = p->nice;
    info.instructions = p->instructions;
    memcpy(info.name, p->name, sizeof info.name);
    return copyout(current, tf->a[2], &info, sizeof info) < 0 ? -EFAULT : 0;
}

long sys_sysinfo(struct trapframe *tf) {
    struct sysinfo info;
    info.uptime_ms = ticks * MS_PER_TICK;
    info.total_pages = NFRAMES;
    info.free_pages = kfree_pages();
    info.procs = 0;
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != PROC_UNUSED)
            info.procs++;
    return copyout(current, tf->a[1], &info, sizeof info) < 0 ? -EFAULT : 0;
}
