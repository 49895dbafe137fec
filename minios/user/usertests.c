/* usertests [-q] [NAME...]: the kernel's promises, checked from user mode,
 * as xv6's usertests does.  Each case is a function run in a child of its
 * own, so that a case that crashes is reported and the rest still run:
 *
 *   test NAME: OK              (with -q, only failures are printed)
 *   test NAME: FAILED: why
 *
 * and then `ALL TESTS PASSED` (status 0) or `SOME TESTS FAILED` (status 1).
 * Before the first case and after the last (every child reaped) the
 * kernel's free pages, inodes, disk blocks and open files are compared:
 * a case that leaks any of them fails the run.  Names start with ut_ in
 * /tmp so that a failed run leaves nothing a second run trips over. */
#include <stdarg.h>
#include <stdio.h>
#define NPROC_GUESS 200                 /* more forks than any process table */
#define MAXPATH_GUESS 128
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <signal.h>
#include <thread.h>
#include <sys/proc.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static const char *current_name;

/* The case failed: say why (in the child running it) and end it. */
static void fail(const char *fmt, ...)
{
    va_list ap;
    printf("test %s: FAILED: ", current_name);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    exit(1);
}

/* The kernel's counts (no libc wrapper: sysinfo is minios's own). */
static void sysinfo_now(struct sysinfo *si)
{
    __syscall(SYS_sysinfo, si);
}

#define CHECK(cond, ...) do { if (!(cond)) fail(__VA_ARGS__); } while (0)

/* A child's wait status, checked to be an exit with `code`. */
static void expect_exit(int pid, int code, const char *what)
{
    int status = -1;
    CHECK(waitpid(pid, &status, 0) == pid, "%s: waitpid: errno %d", what, errno);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == code,
          "%s: status %#x, not exit %d", what, status, code);
}

/* ... to be the end by signal sig. */
static void expect_signal(int pid, int sig, const char *what)
{
    int status = -1;
    CHECK(waitpid(pid, &status, 0) == pid, "%s: waitpid: errno %d", what, errno);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == sig,
          "%s: status %#x, not signal %d", what, status, sig);
}

#include "usertests/procs.c"
#include "usertests/files.c"
#include "usertests/memory.c"
#include "usertests/stress.c"

static struct test {
    const char *name;
    void (*fn)(void);
} tests[] = {
    {"forkwait", t_forkwait}, {"orphan", t_orphan}, {"killsleep", t_killsleep},
    {"killspin", t_killspin}, {"pipebig", t_pipebig}, {"pipeeof", t_pipeeof},
    {"sigpipe", t_sigpipe}, {"files", t_files}, {"unlinkopen", t_unlinkopen},
    {"sharedoffset", t_sharedoffset}, {"dirs", t_dirs}, {"sbrk", t_sbrk},
    {"badptr", t_badptr}, {"stackoverflow", t_stackoverflow}, {"threads", t_threads},
    {"threadoverflow", t_threadoverflow}, {"system", t_system}, {"popen", t_popen},
    {"proctable", t_proctable}, {"storm", t_storm}, {"diskfull", t_diskfull},
};
#define NTESTS (int)(sizeof tests / sizeof tests[0])

/* Run one case in a child; 1 if it passed. */
static int run(struct test *t, int quiet)
{
    int pid, status = -1;
    current_name = t->name;
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        printf("test %s: FAILED: fork: errno %d\n", t->name, errno);
        return 0;
    }
    if (pid == 0) {
        t->fn();
        exit(0);
    }
    if (waitpid(pid, &status, 0) != pid) {
        printf("test %s: FAILED: waitpid: errno %d\n", t->name, errno);
        return 0;
    }
    if (WIFSIGNALED(status))
        printf("test %s: FAILED: killed by signal %d\n", t->name, WTERMSIG(status));
    else if (WEXITSTATUS(status) == 0 && !quiet)
        printf("test %s: OK\n", t->name);
    return status == 0;
}

int main(int argc, char **argv)
{
    struct sysinfo before, after;
    int quiet = 0, failed = 0, i, j, ran = 0, picked = 0;
    for (i = 1; i < argc; i++)
        if (strcmp(argv[i], "-q") == 0)
            quiet = 1;
        else
            picked++;
    for (i = 1; i < argc; i++) {
        for (j = 0; j < NTESTS && strcmp(argv[i], "-q") != 0; j++)
            if (strcmp(argv[i], tests[j].name) == 0)
                break;
        if (j == NTESTS) {
            fprintf(stderr, "usertests: no test %s\n", argv[i]);
            return 2;
        }
    }
    sysinfo_now(&before);
    for (i = 0; i < NTESTS; i++) {
        int wanted = !picked;
        for (j = 1; j < argc && !wanted; j++)
            wanted = strcmp(argv[j], tests[i].name) == 0;
        if (wanted) {
            failed += !run(&tests[i], quiet);
            ran++;
        }
    }
    while (wait(0) > 0)
        ;
    sysinfo_now(&after);
    if (after.free_pages != before.free_pages || after.free_inodes != before.free_inodes ||
        after.free_blocks != before.free_blocks || after.open_files != before.open_files) {
        printf("FAILED: free pages/inodes/blocks/open files %ld/%ld/%ld/%ld at the start, "
               "%ld/%ld/%ld/%ld at the end\n", before.free_pages, before.free_inodes,
               before.free_blocks, before.open_files, after.free_pages, after.free_inodes,
               after.free_blocks, after.open_files);
        failed++;
    } else if (!quiet)
        printf("free pages/inodes/blocks back to start\n");
    printf(failed ? "SOME TESTS FAILED\n" : "ALL TESTS PASSED\n");
    return failed != 0;
}
