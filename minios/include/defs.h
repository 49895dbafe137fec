/* minios: every kernel function other files call, by subsystem (xv6's defs.h). */
#ifndef MINIOS_DEFS_H
#define MINIOS_DEFS_H

#include <errno.h>
#include <pvm/machine.h>
#include <pvm/fs.h>
#include <string.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "param.h"
#include "proc.h"
#include "file.h"

/* bio.c */
struct buf *bread(long blockno);
void bwrite(struct buf *b);
void brelse(struct buf *b);
void bpin(struct buf *b);
void bunpin(struct buf *b);

/* console.c */
void console_init(void);
void console_putc(int c);
void console_intr(void);
int console_hung_up(void);
long console_read(struct proc *p, long buf, long n);
long console_write(struct proc *p, long buf, long n);

/* disk.c */
long disk_sectors(void);
void disk_rw(long blockno, void *buf, int write);

/* exec.c */
int exec(struct proc *p, char *path, char **argv);

/* file.c */
struct file *filealloc(void);
struct file *filedup(struct file *f);
void fileclose(struct file *f);
void filestat(struct file *f, struct stat *st);
int file_isatty(struct file *f);
long fileread(struct file *f, struct proc *p, long va, long n);
long filewrite(struct file *f, struct proc *p, long va, long n);
long files_in_use(void);

/* fs.c */
extern struct superblock sb;
int fs_init(void);
long fs_free_blocks(void);
long fs_free_inodes(void);
struct inode *iget(long inum);
struct inode *idup(struct inode *ip);
void iupdate(struct inode *ip);
struct inode *ialloc(int type);
void itrunc(struct inode *ip);
void iput(struct inode *ip);
void stati(struct inode *ip, struct stat *st);
long readi(struct inode *ip, struct proc *p, long dst, long off, long n);
long writei(struct inode *ip, struct proc *p, long src, long off, long n);
struct inode *dirlookup(struct inode *dp, const char *name, long *poff);
int dirlink(struct inode *dp, const char *name, long inum);
int dir_empty(struct inode *dp);
struct inode *namei(const char *path, long *err);
struct inode *nameiparent(const char *path, char *name, long *err);

/* kalloc.c: physical pages */
void kinit(void);
long kalloc(void);
void kfree(long page);
long kfree_pages(void);

/* log.c */
void log_init(struct superblock *sb);
void begin_op(void);
void end_op(void);
void log_write(struct buf *b);

/* kmalloc.c: the kernel heap */
void *kmalloc(long n);
void kfree_bytes(void *p);

/* panic.c */
void panic(const char *fmt, ...);
void halt(long status);

/* pipe.c */
int pipealloc(struct file **rf, struct file **wf);
void pipeclose(struct pipe *pi, int writable);
long pipewrite(struct pipe *pi, struct proc *p, long va, long n);
long piperead(struct pipe *pi, struct proc *p, long va, long n);

/* printer.c */
long printer_write(struct proc *p, long va, long n);

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
void sleep_on(struct proc *p, void *chan);
void wakeup(void *chan);
void end_threads(struct proc *g, struct proc *keep);

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
