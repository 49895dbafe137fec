/* minios: traps and interrupts.
 *
 * Every trap from user mode lands in trap() on the one kernel stack with
 * a trap frame the machine wrote (<pvm/machine.h>).  The frame is copied
 * into the process, the cause is handled, and schedule() resumes some
 * process with IRET: this one, or another if it must wait, was preempted,
 * or died.  So the kernel never blocks inside a trap; see proc.h for how
 * a system call waits.
 */
#include "defs.h"

static char kstack[KSTACK_SIZE];
long started;                          /* the instruction count at the last trap */

void trap(struct trapframe *tf);

void trap_init(void) {
    long vector = (long)trap, top = (long)(kstack + KSTACK_SIZE), limit = (long)kstack;
    asm volatile("csrw #1, %0" : : "r"(vector));            /* CSR_TVEC */
    asm volatile("csrw #2, %0" : : "r"(top));               /* CSR_KSTACK */
    asm volatile("csrw #3, %0" : : "r"(limit));             /* CSR_KSLIMIT */
}

/* Let interrupt line `line` through (CSR_IMASK). */
void irq_enable(int line) {
    long mask;
    asm volatile("csrr %0, #5" : "=r"(mask));
    mask |= 1L << line;
    asm volatile("csrw #5, %0" : : "r"(mask));
}

static void interrupt(long line) {
    if (line == IRQ_TIMER)
        timer_intr();
    else if (line == IRQ_CONSOLE)
        console_intr();
}

/* The signal a fault ends a process with (the shell reports it by name). */
static long fault_signal(long cause) {
    switch (cause) {
    case CAUSE_DIVIDE:     return 8;                /* SIGFPE */
    case CAUSE_ILLEGAL:    return 4;                /* SIGILL */
    case CAUSE_BREAKPOINT: return 6;                /* SIGABRT */
    default:               return 11;               /* SIGSEGV, a stack overflow too */
    }
}

/* A fault in user mode: a first touch of a heap page is mapped and the
 * instruction runs again; anything else ends the process, and only it. */
static void fault(struct proc *p, struct trapframe *tf) {
    struct proc *g = p->group;
    long va = tf->value;
    if (tf->status & STATUS_LOST) {    /* its registers had nowhere to go: no resuming it */
        exit_proc(p, 11);
        return;
    }
    if ((tf->cause == CAUSE_FAULT_READ || tf->cause == CAUSE_FAULT_WRITE) &&
        va >= g->heap_base && va < g->brk &&
        !uvm_translate(p->pagetable, va, 0) &&
        uvm_map(p->pagetable, va & ~(PAGE_SIZE - 1), PTE_W) == 0)
        return;
    exit_proc(p, fault_signal(tf->cause));   /* a signal number: killed, not exited */
}

void trap(struct trapframe *tf) {
    struct proc *p = current;
    int from_user = tf->status & STATUS_PREV_USER;
    if (from_user) {
        p->tf = *tf;
        p->instructions += tf->icount - p->started;
    }
    started = tf->icount;              /* whoever runs next is charged from here */
    if (tf->cause == CAUSE_SYSCALL)
        syscall(p);
    else if (tf->cause >= CAUSE_INTERRUPT)
        interrupt(tf->cause - CAUSE_INTERRUPT);
    else if (from_user)
        fault(p, &p->tf);
    else
        panic("trap %ld in the kernel at %#lx (address %#lx)", tf->cause, tf->pc, tf->value);
    if (!from_user)                    /* an interrupt of the idle loop (sched.c): back to it */
        asm volatile("iret %0" : : "r"(tf));
    schedule();
}
