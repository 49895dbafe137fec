/* lpr [FILE...]: queue files (or stdin, when none) for the printer, one
 * job each; prints nothing when all went well.
 *
 * The spool protocol (as BSD lpd's control and data files), shared with
 * lpq and lpd: job N is SPOOL/dfNNN, the data, and SPOOL/cfNNN, one line
 * "NAME\n" (the file's name, or "stdin").  lpr takes N = 1 + the largest
 * number in the spool, creates dfNNN with O_EXCL (another lpr that took
 * the same N makes it try N+1), copies the data, and only then creates
 * cfNNN: a job without its cf file is incomplete, and lpd leaves it alone.
 * lpd removes df before cf, so a number in use is never taken again. */
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

/* The job number in a spool file's name ("df007", "cf12": 7, 12); 0 if none. */
static long job_number(const char *name)
{
    char *end;
    long n;
    if ((name[0] != 'd' && name[0] != 'c') || name[1] != 'f' || !name[2])
        return 0;
    n = strtol(name + 2, &end, 10);
    return *end || n < 0 ? 0 : n;
}

/* The largest job number in the spool; 0 if it is empty, -1 (reported) if unreadable. */
static long last_job(void)
{
    DIR *d = opendir(SPOOL);
    struct dirent *de;
    long n, last = 0;
    if (!d) {
        fprintf(stderr, "lpr: %s: %s\n", SPOOL, strerror(errno));
        return -1;
    }
    while ((de = readdir(d)) != NULL)
        if ((n = job_number(de->d_name)) > last)
            last = n;
    closedir(d);
    return last;
}

/* Copy in into a new data file; 0, or -1 (reported, the file removed). */
static int copy(int in, int out, const char *name, const char *path)
{
    char buf[1024];
    long n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, n) != n) {
            fprintf(stderr, "lpr: %s: %s\n", path, strerror(errno));
            unlink(path);
            return -1;
        }
    }
    if (n < 0) {
        fprintf(stderr, "lpr: %s: %s\n", name, strerror(errno));
        unlink(path);
        return -1;
    }
    return 0;
}

/* Queue what fd holds as a job called name; 0, or -1 (reported). */
static int lpr(int fd, const char *name)
{
    char path[256], line[256];
    long n = last_job();
    int out, len, ok;
    if (n < 0)
        return -1;
    for (n++;; n++) {
        snprintf(path, sizeof path, "%s/df%03ld", SPOOL, n);
        out = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (out >= 0)
            break;
        if (errno != EEXIST) {
            fprintf(stderr, "lpr: %s: %s\n", path, strerror(errno));
            return -1;
        }
    }
    ok = copy(fd, out, name, path);
    close(out);
    if (ok < 0)
        return -1;
    snprintf(path, sizeof path, "%s/cf%03ld", SPOOL, n);
    len = snprintf(line, sizeof line, "%s\n", name);
    if (len >= (int)sizeof line)
        len = sizeof line - 1;      /* a long name cut; the job is the same */
    out = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (out < 0 || write(out, line, len) != len) {
        fprintf(stderr, "lpr: %s: %s\n", path, strerror(errno));
        snprintf(path, sizeof path, "%s/df%03ld", SPOOL, n);
        unlink(path);
        return -1;
    }
    close(out);
    return 0;
}

int main(int argc, char **argv)
{
    int i, fd, status = 0;
    if (argc == 1)
        return lpr(0, "stdin") < 0;
    for (i = 1; i < argc; i++) {
        fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "lpr: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (lpr(fd, argv[i]) < 0)
            status = 1;
        close(fd);
    }
    return status;
}
