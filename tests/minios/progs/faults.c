/* Children that fault in every way; the parent (and the kernel) go on. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int down(int n) { volatile char pad[256]; pad[0] = n; return down(n + 1) + pad[0]; }

int main(void) {
    const char *names[] = {"wild pointer", "write to code", "divide by zero",
                           "privileged instruction", "stack overflow", "page given back"};
    for (int k = 0; k < 6; k++) {
        int pid = fork();
        if (pid == 0) {
            volatile int zero = 0;
            if (k == 0) *(volatile long *)0x3000000 = 1;
            if (k == 1) *(volatile char *)main = 0;
            if (k == 2) printf("%d\n", 1 / zero);
            if (k == 3) asm volatile("cli");
            if (k == 4) down(0);
            if (k == 5) {       /* read, freed by sbrk, read again: gone */
                char *q = (char *)sbrk(8192) + 5000;
                *q = 'A';
                int c = *q;
                sbrk(-8192);
                c += *q;
                exit(c);
            }
            exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        printf("%s: %s %d\n", names[k], WIFSIGNALED(status) ? "killed by signal" : "exited",
               WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    }
    printf("parent still here\n");
    return 0;
}
