/* Pointers that are not the process's memory get EFAULT, never a crash. */
#include <errno.h>
#include <stdio.h>
#include <sys/proc.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    long bad[] = {0, 0x10, 0x3000000, -8, 0x7f0000000000};
    int efault = 0, total = 0;
    for (int i = 0; i < 5; i++) {
        void *p = (void *)bad[i];
        long r[] = {
            __syscall(SYS_write, 1, p, 8),
            __syscall(SYS_read, 0, p, 8),
            __syscall(SYS_execv, p, 0),
            __syscall(SYS_procinfo, 0, p),
            __syscall(SYS_sysinfo, p),
        };
        for (int j = 0; j < 5; j++) {
            total++;
            efault += r[j] == -EFAULT;
        }
    }
    char *argv[] = {"echo", (char *)0x10, 0};
    total++;
    efault += __syscall(SYS_execv, "echo", argv) == -EFAULT;
    printf("%d of %d calls with bad pointers said EFAULT\n", efault, total);
    return 0;
}
