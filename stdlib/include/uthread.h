/* <uthread.h>: user-level threads, many-to-one and cooperative.
 *
 * Every thread runs on the one machine thread; a thread runs until it
 * yields, blocks (join, a held mutex) or exits, and the next runnable
 * one, in creation order, goes on.  The program's own thread is id 0.
 * Each thread has its own stack, in the heap, with its own stack limit:
 * a runaway recursion in a thread is a "Stack overflow" there. */
#ifndef _UTHREAD_H
#define _UTHREAD_H

#define UTHREAD_MIN_STACK 8192       /* the least a stack gets: printf of any double fits */
#define UTHREAD_DEFAULT_STACK 65536  /* what a stack_size of 0 asks for */

/* Start fn(arg) on a new stack of stack_size bytes; it runs when the
 * creator yields or blocks.  Returns the new thread's id (> 0), or -1
 * when the memory for it cannot be had. */
int uthread_create(void (*fn)(void *), void *arg, unsigned long stack_size);
void uthread_yield(void);                 /* let the other threads run */
void uthread_exit(void);                  /* also what returning from fn does */
int uthread_join(int id);                 /* wait for id to finish: 0, or -1 if no such thread */
int uthread_self(void);                   /* the running thread's id */

typedef struct {
    int locked;
    int owner;                            /* id of the holder while locked */
} uthread_mutex_t;

#define UTHREAD_MUTEX_INITIALIZER {0, -1}

void uthread_mutex_init(uthread_mutex_t *m);
void uthread_mutex_lock(uthread_mutex_t *m);     /* blocks while another thread holds m */
int uthread_mutex_unlock(uthread_mutex_t *m);    /* 0, or -1 if the caller does not hold m */

#endif
