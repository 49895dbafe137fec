/* system() and popen() under minios: the stdlib runs /bin/sh -c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

int main(void)
{
    char line[64];
    int st = system("echo made by system > /tmp/sys; exit 3");
    printf("system: exit %d\n", WEXITSTATUS(st));
    FILE *f = fopen("/tmp/sys", "r");
    printf("file: %s", f && fgets(line, sizeof line, f) ? line : "(none)\n");
    FILE *p = popen("echo one; echo two", "r");
    while (fgets(line, sizeof line, p))
        printf("popen read: %s", line);
    printf("pclose: %d\n", WEXITSTATUS(pclose(p)));
    p = popen("wc", "w");
    fputs("three words here\n", p);
    printf("pclose wc: %d\n", pclose(p));
    printf("system(NULL): %d\n", system(NULL) != 0);
    return 0;
}
