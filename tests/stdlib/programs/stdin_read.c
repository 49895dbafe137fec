/* Reading standard input with getchar, ungetc, fgets, fread, getline.
 * stdin: first line\nsecond line is longer than sixteen bytes\n\nlast line without newline */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char buf[16], *line = NULL;
    size_t cap = 0;
    long n;
    int c = getchar();
    printf("first char %c\n", c);
    printf("ungetc %c\n", ungetc('F', stdin));
    while (fgets(buf, sizeof buf, stdin)) {
        printf("[%s] %zu\n", buf, strlen(buf));
        if (buf[0] == '\n')
            break;
    }
    n = getline(&line, &cap, stdin);
    printf("getline %ld [%s] eof=%d\n", n, line, feof(stdin));
    n = getline(&line, &cap, stdin);
    printf("getline %ld eof=%d err=%d", n, feof(stdin), ferror(stdin));
    printf(" getchar=%d\n", getchar());
    clearerr(stdin);
    printf("eof after clearerr=%d", feof(stdin));
    printf(" fread=%zu\n", fread(buf, 1, 4, stdin));
    free(line);
    return 0;
}
