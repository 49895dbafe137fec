/* minios: every kernel function other files call, by subsystem (xv6's defs.h). */
#ifndef MINIOS_DEFS_H
#define MINIOS_DEFS_H

#include <errno.h>
#include <pvm/machine.h>
#include <pvm/romfs.h>
#include <string.h>
#include <sys/proc.h>
#include <sys/syscall.h>
#include "param.h"
#include "proc.h"

/* console.c */
void console_init(void);
void console_putc(int c);
void console_intr(void);
int console_hung_up(void);
long console_read(struct proc *p, long buf, long n);
long console_write(struct proc *p, long buf, long n);

/* disk.c */
long disk_sectors(void);
int disk_read(long sector, void *buf);

/* exec.c */
int exec(struct proc *p, char *path, char **argv);

/* fs.c: the read-only disk image of part 1 (<pvm/romfs.h>) */
int fs_init(void);
long fs_nfiles(void);
int fs_lookup(const char *path, struct romfs_entry *out);
int fs_read(struct romfs_entry *e, char *buf);

/* kalloc.c: physical pages */
void kinit(void);
long kalloc(void);
void kfree(long page);
long kfree_pages(void);

/* kmalloc.c: the kernel heap */
void *kmalloc(long n);
void kfree_bytes(void *p);

/* panic.c */
void panic(const char *fmt, ...);
void halt(long status);

/* printf.c */
void printf(const char *fmt, ...);

/* proc.c */
void proc_init(void);
struct proc *allocproc(void);
void userinit(int argc, char **argv);
void exit_proc(struct proc *p, long status);
void module_adopt(long h);
void module_hold(long h);
void module_release(long h);
void wakeup_timer(long now);

/* sched.c */
void schedule(void);

/* syscall.c */
void syscall(struct proc *p);

/* timer.c */
extern long ticks;
void timer_init(void);
void timer_intr(void);

/* trap.c */
extern long started;
void trap_init(void);
void irq_enable(int line);

/* vm.c: page tables and user memory */
long uvm_create(void);
int uvm_map(long root, long va, long flags);
void uvm_unmap(long root, long va);
void uvm_free(long root);
int uvm_copy(long from, long to);
long uvm_translate(long root, long va, long need);
int user_writable(struct proc *p, long va, long n);
int copyin(struct proc *p, void *dst, long va, long n);
int copyout(struct proc *p, long va, const void *src, long n);
long copyinstr(struct proc *p, char *dst, long va, long max);

#endif
