/* <thread.h>: kernel threads (minios; a bare `pvm run` answers ENOSYS).
 *
 * The threads of a process share its memory and files, and the kernel
 * schedules them like processes: they run at the same time as far as a
 * program can tell, so shared data wants a mutex_t.  (The user-level
 * threads of <uthread.h> are the ones that work under a bare `pvm run`.)
 *
 * Stacks: each thread has a stack of its own, stack_size bytes (0 asks for
 * THREAD_DEFAULT_STACK), and the stack limit is per thread: a runaway
 * recursion in a thread is a stack overflow, which ends the whole process,
 * not just that thread.
 *
 * Ending: a thread ends when its function returns (as thread_exit(0)) or
 * when it calls thread_exit.  thread_exit in the main thread, whose id is
 * the pid, ends the process as exit(value) does; so do exit and returning
 * from main, from any thread. */
#ifndef _THREAD_H
#define _THREAD_H

#define THREAD_DEFAULT_STACK 65536   /* what a stack_size of 0 asks for */

/* Start fn(arg) in a new thread of this process.  Returns its id (> 0),
 * or -1 with errno set (ENOSYS under a bare `pvm run`). */
int thread_create(void (*fn)(void *), void *arg, unsigned long stack_size);
/* Wait for thread tid to end; store what it passed to thread_exit in
 * *value unless value is NULL.  0, or -1 with errno set. */
int thread_join(int tid, long *value);
_Noreturn void thread_exit(long value);
int thread_self(void);               /* the calling thread's id */

/* A kernel mutex: the kernel makes lock's test-and-set atomic, and puts a
 * locker to sleep while another thread holds it. */
typedef struct {
    int word;                        /* 1 while held */
} mutex_t;

#define MUTEX_INITIALIZER {0}

void mutex_init(mutex_t *m);
int mutex_lock(mutex_t *m);          /* 0, or -1 with errno set */
int mutex_unlock(mutex_t *m);        /* 0, or -1 with errno set */

#endif
