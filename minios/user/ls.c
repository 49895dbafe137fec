/* ls [PATH...]: list directories (the current one when no PATH), one line
 * per entry, in the directory's own order (. and .. included, as xv6):
 *
 *     NAME            TYPE  INODE    SIZE
 *
 * TYPE is dir, file or dev; SIZE is in bytes.  A PATH that is no directory
 * gets its own line, with the PATH as its name. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <sys/stat.h>

static const char *type_name(long mode)
{
    if (S_ISDIR(mode))
        return "dir";
    if (S_ISREG(mode))
        return "file";
    if (S_ISCHR(mode))
        return "dev";
    return "?";
}

static void show(const char *name, struct stat *st)
{
    printf("%-15s %-4s %5ld %7ld\n", name, type_name(st->st_mode), (long)st->st_ino, (long)st->st_size);
}

/* List path; 0, or 1 (reported) if it or an entry cannot be read. */
static int ls(const char *path)
{
    char full[256];
    struct stat st;
    struct dirent *de;
    DIR *d;
    int status = 0;
    if (stat(path, &st) < 0) {
        fprintf(stderr, "ls: cannot access '%s': %s\n", path, strerror(errno));
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        show(path, &st);
        return 0;
    }
    d = opendir(path);
    if (!d) {
        fprintf(stderr, "ls: cannot open directory '%s': %s\n", path, strerror(errno));
        return 1;
    }
    while ((de = readdir(d)) != NULL) {
        if (snprintf(full, sizeof full, "%s/%s", path, de->d_name) >= (int)sizeof full) {
            fprintf(stderr, "ls: %s/%s: path too long\n", path, de->d_name);
            status = 1;
            continue;
        }
        if (stat(full, &st) < 0) {
            fprintf(stderr, "ls: cannot access '%s': %s\n", full, strerror(errno));
            status = 1;
            continue;
        }
        show(de->d_name, &st);
    }
    closedir(d);
    return status;
}

int main(int argc, char **argv)
{
    int i, status = 0;
    if (argc == 1)
        return ls(".");
    for (i = 1; i < argc; i++)
        status |= ls(argv[i]);
    return status;
}
