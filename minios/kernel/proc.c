/* minios: processes: the table, fork, exit and wait, kill, and the
 * loaded programs they share.
 *
 * Exit statuses use Linux's encoding (<sys/wait.h>): a normal exit is
 * (status & 0xff) << 8, a process ended by a signal has the signal in the
 * low 7 bits.  A process that exits leaves its children to init, which
 * reaps them (Linux's find_new_reaper, simplified to init); init itself
 * must never end: the kernel panics if it does.
 *
 * A process may have several threads (thread.c): slots of the table
 * whose `group` is the process's leader (proc.h).  Fork copies only the
 * calling thread; exit, a fatal fault or kill in any thread ends them all.
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
            p->group = p;
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
    long err;
    p->cwd = namei("/", &err);
    struct inode *console = namei("/dev/console", &err);
    if (!console || console->type != T_DEVICE)
        panic("no /dev/console on the disk");
    for (int fd = 0; fd < 3; fd++) {           /* stdin, stdout, stderr */
        struct file *f = filealloc();
        f->type = FD_DEVICE;
        f->major = console->major;
        f->ip = fd ? idup(console) : console;
        f->readable = fd == 0;
        f->writable = fd != 0;
        p->ofile[fd] = f;
    }
    if (exec(p, "/bin/init", args) < 0)
        panic("cannot start /bin/init (is it on the disk?)");
    p->state = PROC_RUNNABLE;
}

/* Wait on chan: the running system call will be run again after a
 * wakeup(chan) (proc.h). */
void sleep_on(struct proc *p, void *chan) {
    p->chan = chan;
    p->state = PROC_SLEEPING;
}

void wakeup(void *chan) {
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state == PROC_SLEEPING && p->chan == chan) {
            p->chan = 0;
            p->state = PROC_RUNNABLE;
        }
    }
}

/* Free the slots of g's threads other than g and `keep` (none is
 * running: there is one processor, and it is in the kernel). */
void end_threads(struct proc *g, struct proc *keep) {
    for (int i = 0; i < NPROC; i++) {
        struct proc *t = &procs[i];
        if (t->group == g && t != g && t != keep && t->state != PROC_UNUSED)
            memset(t, 0, sizeof *t);
    }
}

/* Reap zombie child c for waitpid: its status to the caller's memory. */
static long reap(struct proc *c, long status_va) {
    if (status_va && copyout(current, status_va, &c->xstatus, 4) < 0)
        return -EFAULT;
    long pid = c->pid;
    memset(c, 0, sizeof *c);
    return pid;
}

/* End the process of thread p with `status`, already encoded as a wait
 * status, or a signal number (1..127) for a process killed by it: every
 * thread goes, its files are closed, its memory freed, its children go
 * to init, and its leader stays as a zombie for the parent's waitpid. */
void exit_proc(struct proc *p, long status) {
    struct proc *g = p->group;
    if (g == initproc)
        panic("init %s", status > 0 && status < 128 ? "killed" : "exiting");
    end_threads(g, 0);
    for (int fd = 0; fd < NOFILE; fd++)
        if (g->ofile[fd]) {
            fileclose(g->ofile[fd]);
            g->ofile[fd] = 0;
        }
    begin_op();
    iput(g->cwd);
    end_op();
    g->cwd = 0;
    uvm_free(g->pagetable);
    g->pagetable = 0;
    module_release(g->module);
    g->module = 0;
    for (int i = 0; i < NPROC; i++) {          /* its children go to init */
        struct proc *c = &procs[i];
        if (c->parent == g && c->state != PROC_UNUSED) {
            c->parent = initproc;
            if (c->state == PROC_ZOMBIE)
                wakeup(initproc);
        }
    }
    g->xstatus = status > 0 && status < 128 ? status : status & 0xff00;
    g->state = PROC_ZOMBIE;
    g->chan = 0;
    g->restart = 0;
    wakeup(g->parent);                         /* a waitpid may be waiting for it */
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
    struct proc *g = p->group;
    c->parent = g;
    c->module = g->module;
    module_hold(c->module);
    c->entry = g->entry;
    c->heap_base = g->heap_base;
    c->brk = g->brk;
    for (int fd = 0; fd < NOFILE; fd++)        /* the same open files, offsets shared */
        if (g->ofile[fd])
            c->ofile[fd] = filedup(g->ofile[fd]);
    c->cwd = idup(g->cwd);
    c->nice = p->nice;
    memcpy(c->name, g->name, sizeof c->name);
    c->tf = p->tf;                             /* it resumes after the SYSCALL too (the
                                                  calling thread's, if p is not the leader) ... */
    c->tf.ret = 0;                             /* ... with 0 from fork */
    c->state = PROC_RUNNABLE;
    return c->pid;
}

long sys_exit(struct trapframe *tf) {
    exit_proc(current, (tf->a[1] & 0xff) << 8);
    return 0;
}

static int is_waited_child(struct proc *g, struct proc *c, long pid) {
    return c->state != PROC_UNUSED && c->parent == g && (pid == -1 || pid == c->pid);
}

long sys_waitpid(struct trapframe *tf) {
    struct proc *g = current->group;
    long pid = tf->a[1], status_va = tf->a[2], options = tf->a[3];
    int children = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *c = &procs[i];
        if (!is_waited_child(g, c, pid))
            continue;
        children++;
        if (c->state == PROC_ZOMBIE)
            return reap(c, status_va);
    }
    if (!children)
        return -ECHILD;
    if (options & 1)                           /* WNOHANG */
        return 0;
    sleep_on(current, g);                      /* an exiting child wakes its parent */
    return 0;
}

long sys_kill(struct trapframe *tf) {
    long pid = tf->a[1], sig = tf->a[2];
    if (sig <= 0 || sig >= 128)
        return -EINVAL;
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->pid == pid && p->group == p && p->state != PROC_UNUSED && p->state != PROC_ZOMBIE) {
            if (p == initproc)
                panic("init killed (signal %ld)", sig);
            for (int j = 0; j < NPROC; j++) {  /* each thread ends before it runs again */
                struct proc *t = &procs[j];
                if (t->group == p && t->state != PROC_UNUSED) {
                    t->killed = sig;
                    if (t->state == PROC_SLEEPING) {
                        t->chan = 0;
                        t->state = PROC_RUNNABLE;
                    }
                }
            }
            return 0;
        }
    }
    return -ESRCH;
}

long sys_getpid(struct trapframe *tf) {
    return current->group->pid;
}

long sys_getppid(struct trapframe *tf) {
    struct proc *parent = current->group->parent;
    return parent ? parent->pid : 0;
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
    if (!current->wake_at)
        current->wake_at = ticks + (ms + MS_PER_TICK - 1) / MS_PER_TICK;
    if (ticks < current->wake_at) {
        sleep_on(current, &ticks);             /* the timer wakes &ticks each tick */
        return 0;
    }
    current->wake_at = 0;
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
    struct proc *p = current->group;
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
    info.ppid = p->group != p ? p->group->pid : p->parent ? p->parent->pid : 0;
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
    info.free_inodes = fs_free_inodes();
    info.free_blocks = fs_free_blocks();
    info.open_files = files_in_use();
    info.procs = 0;
    for (int i = 0; i < NPROC; i++)
        if (procs[i].state != PROC_UNUSED)
            info.procs++;
    return copyout(current, tf->a[1], &info, sizeof info) < 0 ? -EFAULT : 0;
}
