/* <sys/wait.h>: waiting for child processes (minios; ENOSYS under bare pvm run).
 *
 * A status is encoded as on Linux, so programs that pick it apart by hand
 * work too: a child that exited with code c has status (c & 0xff) << 8, one
 * ended by signal s has status s (low 7 bits). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#ifndef _PVM_PID_T
#define _PVM_PID_T
typedef int pid_t;
#endif

#define WNOHANG 1               /* return 0 at once if no child has ended */

#define WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define WTERMSIG(s) ((s) & 0x7f)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
/* 0x7f in the low bits means "stopped" on Linux; neither exited nor killed */
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WCOREDUMP(s) ((s) & 0x80)

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);

#endif
