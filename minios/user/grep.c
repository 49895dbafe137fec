/* grep PATTERN [FILE...]: print the lines that contain PATTERN (a fixed
 * string, no regular expressions), from each file or stdin.  With several
 * files each line is prefixed "FILE:".  Exit status: 0 if a line matched,
 * 1 if none did, 2 on an error (as POSIX grep). */
#include <stdio.h>
#include <string.h>
#include <errno.h>

static char *line;
static size_t cap;

/* Print f's lines that contain pattern; the number printed. */
static long grep(const char *pattern, FILE *f, const char *prefix)
{
    long found = 0;
    while (getline(&line, &cap, f) >= 0) {
        if (!strstr(line, pattern))
            continue;
        found++;
        if (prefix)
            printf("%s:", prefix);
        fputs(line, stdout);
        if (line[strlen(line) - 1] != '\n')
            putchar('\n');      /* a last line without its newline */
    }
    return found;
}

int main(int argc, char **argv)
{
    int i, error = 0;
    long found = 0;
    FILE *f;
    if (argc < 2) {
        fprintf(stderr, "usage: grep PATTERN [FILE...]\n");
        return 2;
    }
    if (argc == 2)
        found = grep(argv[1], stdin, NULL);
    for (i = 2; i < argc; i++) {
        f = fopen(argv[i], "r");
        if (!f) {
            fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
            error = 1;
            continue;
        }
        found += grep(argv[1], f, argc > 3 ? argv[i] : NULL);
        fclose(f);
    }
    return error ? 2 : found ? 0 : 1;
}
