/* wc [FILE...]: count lines, words and bytes of each file (or stdin, when
 * none), one line "LINES WORDS BYTES [NAME]" each, and a "total" line
 * when there are several files. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static char buf[4096];
static long total[3];

/* Count fd's contents and print them; -1 (reported) on a read error. */
static int wc(int fd, const char *name)
{
    long lines = 0, words = 0, bytes = 0, n, i;
    int inword = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        bytes += n;
        for (i = 0; i < n; i++) {
            if (buf[i] == '\n')
                lines++;
            if (strchr(" \t\n\r\v\f", buf[i]))
                inword = 0;
            else if (!inword) {
                inword = 1;
                words++;
            }
        }
    }
    if (n < 0) {
        fprintf(stderr, "wc: %s: %s\n", name ? name : "stdin", strerror(errno));
        return -1;
    }
    printf("%7ld %7ld %7ld", lines, words, bytes);
    printf(name ? " %s\n" : "\n", name);
    total[0] += lines;
    total[1] += words;
    total[2] += bytes;
    return 0;
}

int main(int argc, char **argv)
{
    int i, fd, status = 0;
    if (argc == 1)
        return wc(0, NULL) < 0;
    for (i = 1; i < argc; i++) {
        fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (wc(fd, argv[i]) < 0)
            status = 1;
        close(fd);
    }
    if (argc > 2)
        printf("%7ld %7ld %7ld total\n", total[0], total[1], total[2]);
    return status;
}
