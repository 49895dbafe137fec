/* nice [-n N] COMMAND [ARG...]: run COMMAND with its priority lowered by N
 * (default 10; a negative N raises it).  COMMAND is found as sh finds it:
 * as it is when it has a '/', else in BINDIR, else in the current directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#ifndef BINDIR
#define BINDIR "/bin"
#endif

static int usage(void)
{
    fprintf(stderr, "usage: nice [-n N] COMMAND [ARG...]\n");
    return 125;                 /* nice's own failures, as coreutils */
}

int main(int argc, char **argv)
{
    char path[256], *end;
    long n = 10;
    int i = 1;
    if (argc > 2 && strcmp(argv[1], "-n") == 0) {
        n = strtol(argv[2], &end, 10);
        if (!*argv[2] || *end) {
            fprintf(stderr, "nice: invalid adjustment '%s'\n", argv[2]);
            return 125;
        }
        i = 3;
    }
    if (i >= argc)
        return usage();
    errno = 0;
    if (nice((int)n) == -1 && errno != 0)   /* -1 may be a new nice value too */
        fprintf(stderr, "nice: cannot set niceness: %s\n", strerror(errno));
    argv += i;
    if (!strchr(argv[0], '/') && strlen(BINDIR) + strlen(argv[0]) + 2 <= sizeof path) {
        sprintf(path, "%s/%s", BINDIR, argv[0]);
        execv(path, argv);
        if (errno != ENOENT)
            goto cannot;
    }
    execv(argv[0], argv);
cannot:
    fprintf(stderr, "nice: %s: %s\n", argv[0], strerror(errno));
    return errno == ENOENT ? 127 : 126;
}
