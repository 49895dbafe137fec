/* lpq: list the printer queue (see lpr.c for the spool protocol), the next
 * job to print first:
 *
 *     RANK JOB  NAME                           SIZE
 *     1    3    notes.txt                       120
 *
 * or "no entries".  Only complete jobs (with a cf file) are listed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>

#ifndef SPOOL
#define SPOOL "/spool"
#endif

static long *jobs;
static int njobs;

static int by_number(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* Collect the numbers of the cf files into jobs, in order; -1 (reported) on error. */
static int read_queue(void)
{
    DIR *d = opendir(SPOOL);
    struct dirent *de;
    char *end;
    long n, *more;
    int cap = 0;
    if (!d) {
        fprintf(stderr, "lpq: %s: %s\n", SPOOL, strerror(errno));
        return -1;
    }
    while ((de = readdir(d)) != NULL) {
        if (strncmp(de->d_name, "cf", 2) != 0 || !de->d_name[2])
            continue;
        n = strtol(de->d_name + 2, &end, 10);
        if (*end)
            continue;
        if (njobs == cap) {
            cap = cap ? 2 * cap : 16;
            more = realloc(jobs, cap * sizeof *jobs);
            if (!more) {
                fprintf(stderr, "lpq: out of memory\n");
                closedir(d);
                return -1;
            }
            jobs = more;
        }
        jobs[njobs++] = n;
    }
    closedir(d);
    qsort(jobs, njobs, sizeof *jobs, by_number);
    return 0;
}

/* Job n's name, from its cf file, into name (size bytes); "?" if it is gone. */
static void job_name(long n, char *name, int size)
{
    char path[256];
    int fd, len = 0;
    snprintf(path, sizeof path, "%s/cf%03ld", SPOOL, n);
    fd = open(path, O_RDONLY);
    if (fd >= 0) {
        len = read(fd, name, size - 1);
        close(fd);
    }
    if (len <= 0) {
        strcpy(name, "?");      /* printed and removed since we looked */
        return;
    }
    name[len] = 0;
    name[strcspn(name, "\n")] = 0;
}

int main(void)
{
    char path[256], name[256];
    struct stat st;
    int i;
    if (read_queue() < 0)
        return 1;
    if (njobs == 0) {
        printf("no entries\n");
        return 0;
    }
    printf("%-4s %-4s %-27s %7s\n", "RANK", "JOB", "NAME", "SIZE");
    for (i = 0; i < njobs; i++) {
        job_name(jobs[i], name, sizeof name);
        snprintf(path, sizeof path, "%s/df%03ld", SPOOL, jobs[i]);
        if (stat(path, &st) < 0)
            st.st_size = 0;
        printf("%-4d %-4ld %-27s %7ld\n", i + 1, jobs[i], name, (long)st.st_size);
    }
    return 0;
}
