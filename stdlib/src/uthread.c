/* User-level threads: many-to-one, cooperative (<uthread.h>).
 *
 * A thread's context is one frame pointer: the frame of its call of
 * swtch, on its own stack.  Switching is xv6's swtch with FP in place of
 * the saved registers: `setfp` makes another thread's parked swtch frame
 * the current one, and swtch's return goes back through that frame's link
 * into whoever called swtch there.  Every register of the frames above
 * it is already in memory (a call spills its caller's registers), so
 * nothing else needs saving.  The stack limit is per stack: swtch loads
 * the next thread's along with its frame.
 *
 * Threads sleep on a channel and are woken by it, as in xv6: a joiner
 * sleeps on the thread it waits for, a locker on the mutex.
 *
 * pvm only: the stack instructions have no host equivalent, so the host
 * build of the library (tests/stdlib) compiles this unit to nothing.
 */
#ifdef __pvm__
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uthread.h>

enum { RUNNABLE, SLEEPING, DONE };

struct uthread {
    int id;
    int state;
    void *ctx;                 /* saved FP: its swtch frame, while not running */
    long limit;                /* its stack limit */
    char *stack;               /* malloc'd; 0 for the main thread */
    void (*fn)(void *);
    void *arg;
    void *chan;                /* what it sleeps on */
    struct uthread *next;      /* every thread, a ring in creation order */
};

static struct uthread main_thread;
static struct uthread *cur;    /* the running thread; 0 until first used */
static int nextid = 1;

/* The main thread joins the ring the first time the library is used. */
static void init(void)
{
    long limit;

    if (cur)
        return;
    asm volatile("getsl %0" : "=r"(limit));
    main_thread.id = 0;
    main_thread.state = RUNNABLE;
    main_thread.limit = limit;
    main_thread.next = &main_thread;
    cur = &main_thread;
}

/* Park the caller: *save := this frame, whose return goes back into our
 * caller.  Then go on in frame `to` (another thread's swtch frame, or
 * launch's): the return below leaves through its link instead.  Nothing
 * may follow the setfp but the return: this frame's slots are no longer
 * ours. */
static void swtch(void **save, void *to, long limit)
{
    asm volatile("getfp %0" : "=r"(*save));
    asm volatile("setsl %0" : : "r"(limit));
    asm volatile("setfp %0" : : "r"(to));
}

/* Free the stacks of finished threads.  Run by whoever a switch lands
 * in: a thread cannot free the stack it is still running on. */
static void reap(void)
{
    struct uthread *t = cur;

    do {
        if (t->state == DONE && t->stack && t != cur) {
            free(t->stack);
            t->stack = 0;
        }
        t = t->next;
    } while (t != cur);
}

/* Give the machine to the next runnable thread after cur, round robin;
 * cur has set its own state first.  Returns when cur runs again. */
static void sched(void)
{
    struct uthread *t, *prev;
    int sleepers = 0;

    t = cur;
    do {
        t = t->next;
        if (t->state == SLEEPING)
            sleepers++;
    } while (t->state != RUNNABLE && t != cur);
    if (t->state != RUNNABLE) {
        /* No one sleeping either: every thread has finished (the main
         * thread left by uthread_exit), so the program is over. */
        if (sleepers == 0)
            exit(0);
        fprintf(stderr, "uthread: deadlock: every thread is blocked\n");
        abort();
    }
    if (t != cur) {
        prev = cur;
        cur = t;
        swtch(&prev->ctx, t->ctx, t->limit);
    }
    reap();
}

static void sleep_on(void *chan)
{
    cur->chan = chan;
    cur->state = SLEEPING;
    sched();
    cur->chan = 0;
}

static void wakeup(void *chan)
{
    struct uthread *t = cur;

    do {
        if (t->state == SLEEPING && t->chan == chan)
            t->state = RUNNABLE;
        t = t->next;
    } while (t != cur);
}

/* The first frame on a new thread's stack.  It parks the thread at once,
 * returning into uthread_create through its own link; the thread really
 * starts when sched switches to it. */
static void launch(struct uthread *t, long creator_limit)
{
    void *back;

    asm volatile("getfp %0" : "=r"(back));
    swtch(&t->ctx, back, creator_limit);
    reap();
    t->fn(t->arg);
    uthread_exit();
}

int uthread_create(void (*fn)(void *), void *arg, unsigned long stack_size)
{
    struct uthread *t, *p;
    long sp, limit;
    char *top;

    init();
    if (stack_size == 0)
        stack_size = UTHREAD_DEFAULT_STACK;
    if (stack_size < UTHREAD_MIN_STACK)
        stack_size = UTHREAD_MIN_STACK;
    stack_size &= ~15UL;
    t = malloc(sizeof *t);
    if (t == 0)
        return -1;
    t->stack = malloc(stack_size);  /* 16-byte aligned */
    if (t->stack == 0) {
        free(t);
        return -1;
    }
    /* Touch every page now: under a kernel that maps heap pages when
     * first used (minios), a trap on a page of this stack not yet mapped
     * would find no room to save the thread's registers in. */
    memset(t->stack, 0, stack_size);
    t->id = nextid++;
    t->state = RUNNABLE;
    t->limit = (long)t->stack;      /* no frame below the stack's bottom */
    t->fn = fn;
    t->arg = arg;
    t->chan = 0;
    for (p = &main_thread; p->next != &main_thread; p = p->next)
        ;
    t->next = &main_thread;         /* last in the ring: creation order */
    p->next = t;

    /* Call launch on the new stack, under its limit (the lecture's stack
     * switch); it comes back here once the thread is parked. */
    top = t->stack + stack_size;
    asm volatile("getsp %0" : "=r"(sp));
    asm volatile("getsl %0" : "=r"(limit));
    asm volatile("setsp %0" : : "r"(top));
    asm volatile("setsl %0" : : "r"(t->limit));
    launch(t, limit);
    asm volatile("setsp %0" : : "r"(sp));
    asm volatile("setsl %0" : : "r"(limit));
    return t->id;
}

void uthread_yield(void)
{
    init();
    sched();
}

void uthread_exit(void)
{
    init();
    cur->state = DONE;
    wakeup(cur);
    sched();
    /* not reached: nobody switches to a finished thread */
}

int uthread_self(void)
{
    init();
    return cur->id;
}

static struct uthread *find(int id)
{
    struct uthread *t = cur;

    do {
        if (t->id == id)
            return t;
        t = t->next;
    } while (t != cur);
    return 0;
}

/* Wait for thread id to finish, then forget it: a second join of the
 * same id is -1, and so is joining oneself or the main thread.  Looked
 * up again after each sleep: another joiner may have freed it. */
int uthread_join(int id)
{
    struct uthread *t, *p;

    init();
    t = find(id);
    if (t == 0 || t == cur || t == &main_thread)
        return -1;
    while (t->state != DONE) {
        sleep_on(t);
        if ((t = find(id)) == 0)
            return -1;
    }
    for (p = cur; p->next != t; p = p->next)
        ;
    p->next = t->next;
    free(t->stack);                 /* 0 if reap already did */
    free(t);
    return 0;
}

void uthread_mutex_init(uthread_mutex_t *m)
{
    m->locked = 0;
    m->owner = -1;
}

/* No atomics needed: a thread runs until it gives the machine away. */
void uthread_mutex_lock(uthread_mutex_t *m)
{
    init();
    while (m->locked)
        sleep_on(m);
    m->locked = 1;
    m->owner = cur->id;
}

int uthread_mutex_unlock(uthread_mutex_t *m)
{
    init();
    if (!m->locked || m->owner != cur->id)
        return -1;
    m->locked = 0;
    m->owner = -1;
    wakeup(m);
    return 0;
}

#endif /* __pvm__ */
