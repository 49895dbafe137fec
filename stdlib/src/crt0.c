/* crt0: the program's entry point.  The machine calls _start(argc, argv);
 * it sets up the C library, runs main, and hands main's result to exit(),
 * which flushes stdio and ends the program with that status.  Under
 * minios a new thread starts here too, with argc -1 (<thread.h>). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>

int main(int argc, char **argv);

/* The program's short name (basename of argv[0]), for assert messages. */
const char *__progname = "";

void _start(int argc, char **argv)
{
    const char *p;
    if (argc < 0) {     /* a new thread (<thread.h>): argv is {fn, arg} on its stack */
        ((void (*)(void *))argv[0])(argv[1]);
        __syscall(SYS_thread_exit, 0L);     /* raw: the library stays out of every program */
    }
    if (argc > 0 && argv[0]) {
        __progname = argv[0];
        for (p = argv[0]; *p; p++)
            if (*p == '/')
                __progname = p + 1;
    }
    __stdio_init();
    exit(main(argc, argv));
}
