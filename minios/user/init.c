/* init: the first process.  The kernel starts it, and makes it the parent
 * of every process whose parent ends first, so it must keep waiting: each
 * wait() reaps such an orphan's zombie too.
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
        execv("sh", argv);
        fail("exec sh");
    }
    return pid;
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
