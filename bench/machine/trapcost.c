/* The cost of the one trap path: N system calls from user mode, each a
 * round trip through the kernel's handler (trap frame, handler, IRET), and
 * a user loop under a timer that interrupts it every INTERVAL instructions.
 *
 *     pvm run bench/machine/trapcost.c syscalls N
 *     pvm run bench/machine/trapcost.c timer N INTERVAL
 *
 * bench/machine_costs.py runs it at two sizes per tier and reports host
 * nanoseconds per event.
 */
#include <pvm/machine.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char kernel_stack[16384], user_stack[16384];
static struct trapframe boot;
static long n, interrupts;

void trap(struct trapframe *tf) {
    if (tf->cause == CAUSE_SYSCALL) {
        if (tf->a[0] == 1) {              /* the user program is done */
            printf("interrupts %ld\n", interrupts);
            fflush(stdout);
            *POWER_HALT = 0;
        }
        tf->ret = tf->a[1] + 1;
    } else if (tf->cause == CAUSE_INTERRUPT + IRQ_TIMER) {
        interrupts++;
    } else {
        *POWER_HALT = 3;
    }
    asm volatile("iret %0" : : "r"(tf));
}

static void syscalls(long count) {
    long x = 0;
    for (long i = 0; i < count; i++)
        x = __syscall(2, x);
    __syscall(1, x);
}

static void busy(long count) {
    long x = 0;
    for (long i = 0; i < count; i++)
        x += i ^ (x >> 3);
    __syscall(1, x);
}

int main(int argc, char **argv) {
    if (argc < 3)
        return 2;
    long h = (long)trap, k = (long)(kernel_stack + sizeof kernel_stack);
    asm volatile("csrw #1, %0" : : "r"(h));
    asm volatile("csrw #2, %0" : : "r"(k));
    n = atol(argv[2]);
    boot.pc = (long)syscalls;
    if (strcmp(argv[1], "timer") == 0) {
        long lines = 1 << IRQ_TIMER;
        asm volatile("csrw #5, %0" : : "r"(lines));
        *TIMER_INTERVAL = argc > 3 ? atol(argv[3]) : 1000;
        boot.pc = (long)busy;
    }
    boot.fp = (long)(user_stack + sizeof user_stack);
    boot.status = STATUS_PREV_USER | STATUS_PREV_IE | STATUS_START;
    boot.a[0] = n;
    asm volatile("iret %0" : : "r"(&boot));
    return 1;
}
