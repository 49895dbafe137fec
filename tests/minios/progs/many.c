/* fork, exit and wait N times; the free page count comes back. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/proc.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long free_pages(void) {
    struct sysinfo si;
    __syscall(SYS_sysinfo, &si);
    return si.free_pages;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    long before = free_pages();
    for (int i = 0; i < n; i++) {
        int pid = fork();
        if (pid < 0) {
            printf("fork %d failed\n", i);
            return 1;
        }
        if (pid == 0)
            exit(i & 0x7f);
        int status;
        if (waitpid(pid, &status, 0) != pid || WEXITSTATUS(status) != (i & 0x7f)) {
            printf("wait %d went wrong\n", i);
            return 1;
        }
    }
    long after = free_pages();
    printf("%d processes; free pages %s\n", n, after == before ? "as before" : "LEAKED");
    return after == before ? 0 : 1;
}
