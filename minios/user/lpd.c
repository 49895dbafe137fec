/* lpd [-1]: the printer daemon (init starts it at boot).  Forever: take
 * the lowest-numbered complete job in the spool (see lpr.c), write its
 * data to the printer, then remove it (df first, then cf); with no job,
 * look again 0.1 s later.  If the printer cannot be opened or written
 * (none attached: the kernel answers EIO or ENXIO), the job stays queued
 * and lpd tries again each second, saying so once.
 *
 *   -1   process the queue once and exit: 0 when it is empty, 1 if the
 *        printer failed (for tests, and for a user at the shell). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>

#ifndef SPOOL
#define SPOOL "/spool"
#endif
#ifndef PRINTER
#define PRINTER "/dev/printer"
#endif

/* The lowest number of a complete job (a cf file); 0 if none. */
static long first_job(void)
{
    DIR *d = opendir(SPOOL);
    struct dirent *de;
    char *end;
    long n, first = 0;
    if (!d)
        return 0;
    while ((de = readdir(d)) != NULL) {
        if (strncmp(de->d_name, "cf", 2) != 0 || !de->d_name[2])
            continue;
        n = strtol(de->d_name + 2, &end, 10);
        if (!*end && n > 0 && (first == 0 || n < first))
            first = n;
    }
    closedir(d);
    return first;
}

/* Write data file df to the printer.  0: printed; 1: the data file is
 * unreadable (the job is dropped); -1: the printer failed (errno). */
static int print(const char *df)
{
    char buf[1024];
    long n, done, w;
    int in, out;
    in = open(df, O_RDONLY);
    if (in < 0) {
        fprintf(stderr, "lpd: %s: %s\n", df, strerror(errno));
        return 1;
    }
    out = open(PRINTER, O_WRONLY);
    if (out < 0) {
        close(in);
        return -1;
    }
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (done = 0; done < n; done += w) {
            w = write(out, buf + done, n - done);
            if (w <= 0) {
                if (w == 0)
                    errno = EIO;
                close(in);
                close(out);
                return -1;
            }
        }
    }
    close(in);
    close(out);
    return 0;
}

int main(int argc, char **argv)
{
    char df[256], cf[256];
    int once = argc == 2 && strcmp(argv[1], "-1") == 0, complained = 0;
    long n;
    if (argc > 1 && !once) {
        fprintf(stderr, "usage: lpd [-1]\n");
        return 2;
    }
    for (;;) {
        n = first_job();
        if (n == 0) {
            if (once)
                return 0;
            usleep(100000);
            continue;
        }
        snprintf(df, sizeof df, "%s/df%03ld", SPOOL, n);
        snprintf(cf, sizeof cf, "%s/cf%03ld", SPOOL, n);
        if (print(df) < 0) {
            if (once || !complained++)
                fprintf(stderr, "lpd: %s: %s\n", PRINTER, strerror(errno));
            if (once)
                return 1;
            sleep(1);           /* a printer that is not there stays away a while */
            continue;
        }
        complained = 0;
        unlink(df);
        unlink(cf);
    }
}
