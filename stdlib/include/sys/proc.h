/* <sys/proc.h>: what the procinfo system call reports about a process (minios). */
#ifndef _SYS_PROC_H
#define _SYS_PROC_H

#define PROC_UNUSED 0
#define PROC_RUNNABLE 1      /* ready, or running */
#define PROC_SLEEPING 2      /* blocked in a system call (wait, sleep, read) */
#define PROC_ZOMBIE 3        /* ended; its parent has not waited yet */

struct procinfo {
    long pid, ppid;
    long state;              /* a PROC_ value */
    long nice;               /* -20 (first) .. 19 (last) */
    long instructions;       /* executed in user mode */
    char name[32];           /* the program's name (argv[0]) */
};

int procinfo(int slot, struct procinfo *info);

struct sysinfo {             /* what the sysinfo system call reports (minios) */
    long uptime_ms;
    long total_pages;        /* physical pages the kernel gives to processes */
    long free_pages;
    long procs;              /* process-table slots in use (threads count) */
    long free_inodes;        /* on the disk */
    long free_blocks;        /* on the disk */
    long open_files;         /* entries of the kernel's open-file table in use */
};

#endif
