/* N rounds of fork, execv("true"), wait (bench/minios_costs.py). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10;
    for (long i = 0; i < n; i++) {
        int pid = fork();
        if (pid == 0) {
            char *args[] = {"true", 0};
            execv("true", args);
            exit(127);
        }
        int status;
        waitpid(pid, &status, 0);
        if (WEXITSTATUS(status) != 0)
            return 1;
    }
    printf("%ld rounds\n", n);
    return 0;
}
