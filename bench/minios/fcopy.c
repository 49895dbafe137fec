/* fcopy N: make a 1 MiB file, then copy it N times (64 KiB reads and
 * writes), removing each copy: minios_costs.py times N and 2N copies. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MIB (1 << 20)
#define CHUNK 65536

static char buf[CHUNK];

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1;
    int fd = open("/tmp/src", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    for (int done = 0; done < MIB; done += CHUNK)
        if (write(fd, buf, CHUNK) != CHUNK)
            return 1;
    close(fd);
    for (int i = 0; i < n; i++) {
        int in = open("/tmp/src", O_RDONLY), out = open("/tmp/dst", O_CREAT | O_WRONLY | O_TRUNC, 0644);
        long got, total = 0;
        while ((got = read(in, buf, CHUNK)) > 0)
            total += write(out, buf, got);
        close(in);
        close(out);
        unlink("/tmp/dst");
        if (total != MIB)
            return 2;
    }
    unlink("/tmp/src");
    return 0;
}
