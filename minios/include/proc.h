/* minios: a process, as the kernel keeps it. */
#ifndef MINIOS_PROC_H
#define MINIOS_PROC_H

#include <pvm/machine.h>
#include <sys/proc.h>

/* A slot of the table is a thread; a process is a group of them sharing
 * one address space, its open files and its working directory.  Its
 * first thread, the group's leader, holds what they share (group->...)
 * and is the process as fork, wait, kill and exit know it: its pid is the
 * process's.  A process of one thread is its own group.
 *
 * Waiting.  There are no kernel threads: every trap runs to completion on
 * the one kernel stack.  So a system call that must wait (sleep_on)
 * leaves its thread SLEEPING on a channel (any address that names what it
 * waits for) with the trap frame as the SYSCALL left it, and whoever ends
 * the wait calls wakeup(channel); the call then runs again from the start
 * (restart) before the thread goes back to user mode, as a loop around
 * xv6's sleep would.  A call that waits changes nothing before it does,
 * except for `done`, its progress (the bytes of a long pipe write). */
struct proc {
    long state;                         /* PROC_UNUSED, _RUNNABLE, _SLEEPING, _ZOMBIE */
    long pid;                           /* the thread id; the leader's is the process id */
    struct proc *group;                 /* the leader of its process (itself, for a leader) */
    struct proc *parent;                /* leaders only: the process that forked it */
    long killed;                        /* a signal to end it with before it runs again */
    long xstatus;                       /* its wait status (Linux encoding) as a zombie;
                                           a thread's thread_exit value */
    long pagetable;                     /* physical address of its page table's root */
    struct trapframe tf;                /* its user state whenever it is not running */
    long nice;                          /* -20 .. 19: lower runs first */
    long slice;                         /* ticks left before the next thread's turn */
    long instructions;                  /* executed in user mode */
    long started;                       /* the instruction count when it last started */
    void *chan;                         /* what it sleeps on */
    long restart;                       /* run its system call again when it wakes */
    long done;                          /* progress of that call (pipe.c) */
    long wake_at;                       /* msleep: the tick to wake at */
    long stack_lo, stack_hi;            /* a thread's own stack (not the leader's) */
    char name[32];
    /* the process's, used in the leader only */
    long module;                        /* the loaded program (MODLOAD handle) */
    long entry;                         /* its _start: where threads start too */
    long heap_base, brk;                /* its heap: pages mapped when first touched */
    struct file *ofile[NOFILE];         /* open files by descriptor */
    struct inode *cwd;                  /* the working directory */
};

extern struct proc procs[NPROC];
extern struct proc *current;            /* the thread running, or 0 while idle */
extern struct proc *initproc;

#endif
