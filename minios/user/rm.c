/* rm FILE...: remove files.  As in xv6, unlink removes an empty directory
 * too (the kernel refuses one with entries: ENOTEMPTY). */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int i, status = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: rm FILE...\n");
        return 2;
    }
    for (i = 1; i < argc; i++) {
        if (unlink(argv[i]) < 0) {
            fprintf(stderr, "rm: cannot remove '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
