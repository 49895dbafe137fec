/* <thread.h>: kernel threads, thin wrappers over the thread and mutex
 * system calls, which only minios services (ENOSYS and the one-time note
 * under a bare `pvm run`, via __minios_result in proc.c).
 *
 * The kernel starts a thread where the program started, at crt0's
 * _start, with argc -1 and argv pointing at {fn, arg} on the thread's new
 * stack (so it never enters user mode at an address it was merely handed);
 * _start calls fn(arg) and ends the thread when fn returns. */
#include <stdlib.h>
#include <unistd.h>
#include <thread.h>
#include <sys/syscall.h>

int thread_create(void (*fn)(void *), void *arg, unsigned long stack_size)
{
    if (stack_size == 0)
        stack_size = THREAD_DEFAULT_STACK;
    return (int)__minios_result("thread_create", __syscall(SYS_thread_create, (long)fn, (long)arg,
                                                           (long)stack_size));
}

int thread_join(int tid, long *value)
{
    return (int)__minios_result("thread_join", __syscall(SYS_thread_join, (long)tid, (long)value));
}

/* In the main thread (its id is the pid) this is exit(value), so stdio is
 * flushed and atexit functions run before the process ends, as they would
 * on returning from main; the kernel's thread_exit would end the process
 * without them.  A bare `pvm run` has only the main thread: gettid fails
 * there, and this is exit too. */
_Noreturn void thread_exit(long value)
{
    long tid = __syscall(SYS_gettid);
    if (tid < 0 || tid == getpid())
        exit((int)value);
    __syscall(SYS_thread_exit, value);
    abort();            /* the kernel never returns from thread_exit */
}

int thread_self(void)
{
    return (int)__minios_result("thread_self", __syscall(SYS_gettid));
}

void mutex_init(mutex_t *m)
{
    m->word = 0;
}

int mutex_lock(mutex_t *m)
{
    return (int)__minios_result("mutex_lock", __syscall(SYS_mutex_lock, (long)&m->word));
}

int mutex_unlock(mutex_t *m)
{
    return (int)__minios_result("mutex_unlock", __syscall(SYS_mutex_unlock, (long)&m->word));
}
