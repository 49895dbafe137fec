/* minios: a process, as the kernel keeps it. */
#ifndef MINIOS_PROC_H
#define MINIOS_PROC_H

#include <pvm/machine.h>
#include <sys/proc.h>

/* What a sleeping process waits for.  There are no kernel threads: every
 * trap runs to completion on the one kernel stack, so a system call that
 * must wait leaves its process SLEEPING with its trap frame saved, and
 * whoever ends the wait (an exiting child, the timer, console input)
 * finishes the call for it: stores the result in tf.ret and makes it
 * RUNNABLE again. */
#define WAIT_NONE 0
#define WAIT_CHILD 1                    /* waitpid */
#define WAIT_TIMER 2                    /* msleep */
#define WAIT_CONSOLE 3                  /* read from the console */

struct proc {
    long state;                         /* PROC_UNUSED, _RUNNABLE, _SLEEPING, _ZOMBIE */
    long pid;
    struct proc *parent;
    long killed;                        /* a signal to end it with before it runs again */
    long xstatus;                       /* its wait status (Linux encoding), once a zombie */
    long pagetable;                     /* physical address of its page table's root */
    long module;                        /* the loaded program it runs (MODLOAD handle) */
    long heap_base, brk;                /* its heap: pages mapped when first touched */
    struct trapframe tf;                /* its user state whenever it is not running */
    long nice;                          /* -20 .. 19: lower runs first */
    long slice;                         /* ticks left before the next process's turn */
    long instructions;                  /* executed in user mode */
    long started;                       /* the instruction count when it last started */
    long waiting;                       /* WAIT_ */
    long wait_pid, wait_status;         /* waitpid's arguments */
    long wake_at;                       /* msleep: the tick to wake at */
    long read_buf, read_n;              /* a console read in progress */
    char name[32];
};

extern struct proc procs[NPROC];
extern struct proc *current;            /* the process running, or 0 while idle */
extern struct proc *initproc;

#endif
