/* minios: the scheduler.  Round robin among the runnable threads of the
 * best (lowest) nice value, a time slice each; a context switch is loading
 * the next process's page table into CSR_PTBR and IRET on its saved trap
 * frame, because its registers are already in its own stack (the machine
 * spilled them there when it trapped). */
#include "defs.h"

struct proc *current;

/* The next process to run, or 0. */
static struct proc *pick(void) {
    if (current && current->state == PROC_RUNNABLE && current->slice > 0 && !current->killed)
        return current;
    int start = current ? current - procs + 1 : 0;
    struct proc *best = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[(start + i) % NPROC];
        if (p->state != PROC_RUNNABLE)
            continue;
        if (p->killed) {               /* killed while it waited: it ends now */
            exit_proc(p, p->killed);
            continue;
        }
        if (!best || p->nice < best->nice)
            best = p;
    }
    if (best)
        best->slice = SLICE_TICKS;
    return best;
}

static void run(struct proc *p) {
    static long loaded;                /* the root in CSR_PTBR: writing it empties the TLB */
    current = p;
    long root = p->pagetable;
    if (root != loaded) {
        asm volatile("csrw #6, %0" : : "r"(root));          /* CSR_PTBR */
        loaded = root;
    }
    p->started = started;
    asm volatile("iret %0" : : "r"(&p->tf));
}

/* Resume some process; never returns.  With nothing to run, wait with
 * interrupts on: an interrupt comes as a trap from kernel mode, whose
 * handler (trap.c) returns here to look again. */
void schedule(void) {
    for (;;) {
        struct proc *p = pick();
        if (p && p->restart) {         /* woken: its system call runs again first */
            current = p;
            syscall(p);
            if (p->state != PROC_RUNNABLE)
                continue;              /* it waits again, or it ended */
        }
        if (p)
            run(p);
        current = 0;
        asm volatile("sti");
        asm volatile("wfi");
        asm volatile("cli");
    }
}
