/* Two processes each give up the processor N times (sleep(0)): every
 * round is a system call and a switch to the other (bench/minios_costs.py). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000;
    int pid = fork();
    for (long i = 0; i < n; i++)
        __syscall(SYS_msleep, 0);
    if (pid == 0)
        exit(0);
    waitpid(pid, 0, 0);
    printf("%ld rounds\n", n);
    return 0;
}
