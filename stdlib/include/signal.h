/* <signal.h>: signal numbers (Linux's) and kill().  minios has no signal
 * handlers: a signal sent with kill() ends the process, and the kernel
 * ends a faulting process with SIGSEGV, SIGILL or SIGFPE, which its
 * parent sees through WTERMSIG (<sys/wait.h>). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#ifndef _PVM_PID_T
#define _PVM_PID_T
typedef int pid_t;
#endif

typedef int sig_atomic_t;

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17

int kill(pid_t pid, int sig);

#endif
