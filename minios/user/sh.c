/* sh: the minios shell, part 1.
 *
 *   sh -c 'CMDS'     run CMDS and exit with the last command's status
 *   sh               read commands from stdin, line by line ("$ " on a terminal)
 *
 * Commands are separated by ';' and newlines, words by spaces and tabs.  The
 * one builtin is `exit [N]`; any other command runs as a program: fork, the
 * child execv's it (the kernel finds it by name on the disk), the shell
 * waits.  A command's status is its exit code, or 128 + the signal that
 * killed it, as in other shells.  (Part 2 adds pipes and redirection.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

#define MAXARGS 32

static int status;              /* the last command's, the shell's own at the end */

/* Run one program and wait for it; sets status. */
static void run(char **argv)
{
    int pid, w, st;
    fflush(stdout);             /* the child must not inherit unwritten output */
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "sh: fork: %s\n", strerror(errno));
        if (errno == ENOSYS)    /* no kernel (a bare pvm run): nothing can run */
            exit(1);
        status = 1;
        return;
    }
    if (pid == 0) {
        execv(argv[0], argv);
        if (errno == ENOENT) {
            fprintf(stderr, "sh: %s: command not found\n", argv[0]);
            _exit(127);
        }
        fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
        _exit(126);             /* there, but cannot run (bash's status too) */
    }
    while ((w = waitpid(pid, &st, 0)) != pid) {
        if (w < 0 && errno != EINTR) {
            fprintf(stderr, "sh: wait: %s\n", strerror(errno));
            status = 1;
            return;
        }
    }
    status = WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* One command: split s into words in place, then the builtin or a program. */
static void command(char *s)
{
    char *argv[MAXARGS + 1];
    int argc = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t')
            *s++ = 0;
        if (!*s)
            break;
        if (argc == MAXARGS) {
            fprintf(stderr, "sh: too many arguments\n");
            status = 2;
            return;
        }
        argv[argc++] = s;
        while (*s && *s != ' ' && *s != '\t')
            s++;
    }
    argv[argc] = NULL;
    if (argc == 0)
        return;
    if (strcmp(argv[0], "exit") == 0)
        exit(argc > 1 ? atoi(argv[1]) & 0xff : status);
    run(argv);
}

/* Commands separated by ';' and newlines; s is changed in place. */
static void commands(char *s)
{
    char *next;
    for (; s; s = next) {
        next = strpbrk(s, ";\n");
        if (next)
            *next++ = 0;
        command(s);
    }
}

int main(int argc, char **argv)
{
    char *line = NULL;
    size_t cap = 0;
    int interactive;
    if (argc == 3 && strcmp(argv[1], "-c") == 0) {
        line = strdup(argv[2]);     /* a copy to cut up, whatever argv's memory is */
        if (!line) {
            fprintf(stderr, "sh: out of memory\n");
            return 1;
        }
        commands(line);
        return status;
    }
    if (argc != 1) {
        fprintf(stderr, "usage: sh [-c COMMANDS]\n");
        return 2;
    }
    interactive = isatty(0);
    for (;;) {
        if (interactive) {
            fputs("$ ", stdout);
            fflush(stdout);
        }
        if (getline(&line, &cap, stdin) < 0)
            break;
        commands(line);
    }
    return status;
}
