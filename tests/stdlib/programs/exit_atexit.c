/* exit() runs atexit handlers in reverse order, then flushes stdio;
 * stdout to a pipe is fully buffered, stderr is not.
 * merge-stderr */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("first registered, runs last\n"); }
static void second(void) { printf("second registered, runs first\n"); }

int main(void)
{
    atexit(first);
    atexit(second);
    printf("buffered line 1\n");
    fprintf(stderr, "stderr is immediate\n");
    printf("buffered line 2");
    fputs(" and more\n", stdout);
    fprintf(stderr, "stderr again\n");
    exit(7);
}
