/* init: the first process.  The kernel starts it, and makes it the parent
 * of every process whose parent ends first, so it must keep waiting: each
 * wait() reaps such an orphan's zombie too.  At boot it starts the printer
 * daemon, lpd, in the background, then the shell:
 *
 *   init -c 'CMDS'   (pvm boot --run 'CMDS') run `sh -c CMDS`, then power
 *                    off with the shell's status (128 + signal if killed)
 *   init             run an interactive sh, and a new one each time it
 *                    exits, forever (as xv6's init does); but if stdin is
 *                    no terminal (input piped into pvm boot), its end will
 *                    not come back: power off with sh's status instead of
 *                    starting shells that find it at once, forever */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

#ifndef BINDIR
#define BINDIR "/bin"           /* where programs live (a test build points elsewhere) */
#endif

/* Something is badly wrong (or there is no kernel): say so and power off. */
static void fail(const char *what)
{
    fprintf(stderr, "init: %s: %s\n", what, strerror(errno));
    halt(1);
    exit(1);                    /* halt failed too: a bare pvm run */
}

/* fork, and exec sh with argv in the child; returns the child's pid. */
static int start_sh(char **argv)
{
    int pid;
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        fail("fork");
    if (pid == 0) {
        execv(BINDIR "/sh", argv);
        fail("exec sh");
    }
    return pid;
}

/* Start the printer daemon; it runs until the machine stops, and without
 * it the system still works (jobs wait in /spool), so a failure is only reported. */
static void start_lpd(void)
{
    char *argv[2];
    int pid;
    argv[0] = "lpd";
    argv[1] = NULL;
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        fail("fork");
    if (pid == 0) {
        execv(BINDIR "/lpd", argv);
        fprintf(stderr, "init: exec lpd: %s\n", strerror(errno));
        _exit(1);               /* init's wait_for reaps this child as any other */
    }
}

/* Wait until process pid ends, reaping every other child (orphans) on the
 * way; returns pid's status. */
static int wait_for(int pid)
{
    int w, st;
    for (;;) {
        w = wait(&st);
        if (w == pid)
            return st;
        if (w < 0 && errno != EINTR)
            fail("wait");       /* ECHILD: the kernel lost our shell */
    }
}

/* What `pvm boot` exits with: sh's exit code, or 128 + the signal that killed it. */
static void halt_with(int st)
{
    halt(WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st));
    fail("halt");
}

int main(int argc, char **argv)
{
    char *sh_c[4];
    char *sh[2];
    int st;
    start_lpd();
    if (argc == 3 && strcmp(argv[1], "-c") == 0) {
        sh_c[0] = "sh";
        sh_c[1] = "-c";
        sh_c[2] = argv[2];
        sh_c[3] = NULL;
        halt_with(wait_for(start_sh(sh_c)));
    }
    sh[0] = "sh";
    sh[1] = NULL;
    for (;;) {
        st = wait_for(start_sh(sh));
        if (!isatty(0))
            halt_with(st);
    }
}
