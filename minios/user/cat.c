/* cat [FILE...]: copy each file (or stdin, when none) to stdout. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static char buf[4096];

/* Copy fd to stdout; 0, or -1 (reported) on a read or write error. */
static int copy(int fd, const char *name)
{
    long n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (write(1, buf, n) != n) {
            fprintf(stderr, "cat: write error: %s\n", strerror(errno));
            return -1;
        }
    }
    if (n < 0) {
        fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int i, fd, status = 0;
    if (argc == 1)
        return copy(0, "stdin") < 0;
    for (i = 1; i < argc; i++) {
        fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;     /* and go on with the others, as POSIX cat does */
            continue;
        }
        if (copy(fd, argv[i]) < 0)
            status = 1;
        close(fd);
    }
    return status;
}
