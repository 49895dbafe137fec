/* minios: the kernel's sizes and limits, in one place. */
#ifndef MINIOS_PARAM_H
#define MINIOS_PARAM_H

#define NPROC 64                        /* process-table slots */
#define NFRAMES 6144                    /* physical pages for processes: 24 MiB */
#define KHEAP_SIZE (2 << 20)            /* kmalloc's arena (exec reads programs into it) */
#define KSTACK_SIZE 65536               /* the one kernel stack every trap runs on */
#define USTACK_TOP 0x4000000L           /* a process's stack starts below 64 MiB ... */
#define USTACK_SIZE (256 * 1024L)       /* ... and may use 256 KiB; the page below is a guard */
#define HEAP_MAX (USTACK_TOP - USTACK_SIZE - 2 * PAGE_SIZE)   /* sbrk stops here */
#define TICK_INSTRUCTIONS 1000000       /* a timer tick: 10 ms of the nominal 100 M/s */
#define MS_PER_TICK 10
#define SLICE_TICKS 5                   /* a process runs this long before the next one */
#define MAXARG 16                       /* execv's arguments at most ... */
#define ARGBYTES 2048                   /* ... taking this many bytes with their strings */
#define CONSOLE_BUF 1024                /* console input not yet read */
#define PANIC_STATUS 120                /* the machine's exit status after a panic */
#define NOFILE 16                       /* open files per process */
#define NFILE 128                       /* open files in the whole system */
#define NINODE (NFILE + NPROC + 8)      /* in-memory inodes: every open file, every cwd, a few in use */
#define NBUF 64                         /* blocks in the buffer cache */
#define MAXPATH 128                     /* a path name, its NUL included */
#define THREAD_STACKS 0x10000000L       /* thread stacks: slot i's ends at THREAD_STACKS + (i+1) * ... */
#define THREAD_SPAN (1L << 20)          /* ... this, a guard page under each */
#define THREAD_STACK_DEFAULT 65536      /* a stack size of 0 asks for this */

#endif
