/* sleep N: sleep N seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char *end;
    long n;
    if (argc != 2) {
        fprintf(stderr, "usage: sleep SECONDS\n");
        return 2;
    }
    n = strtol(argv[1], &end, 10);
    if (*argv[1] == 0 || *end != 0 || n < 0) {
        fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[1]);
        return 2;
    }
    if (sleep((unsigned)n) != 0) {
        perror("sleep");
        return 1;
    }
    return 0;
}
