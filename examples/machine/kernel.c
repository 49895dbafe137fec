/* A tiny kernel on the bare machine.
 *
 * It installs a trap handler, drops to user mode, services system calls,
 * kills a user program that runs a privileged instruction, divides by
 * zero or touches a device, and counts timer interrupts.  Everything a
 * user program does that the kernel must see arrives as a trap:
 *
 *     pvm run examples/machine/kernel.c
 *
 * The kernel itself runs in kernel mode, where SYSCALL is a hypercall
 * that the VM services (that is how its printf reaches the terminal).
 */
#include <pvm/machine.h>
#include <stdio.h>

#define SYS_PUTS 100          /* this kernel's own system calls */
#define SYS_EXIT 101

static char kernel_stack[16384];
static char user_stack[16384];
static struct trapframe start;   /* how IRET starts a user program */
static long ticks, syscalls;
static int next;                 /* the next user program to start */

static void user_hello(long n);
static void user_privileged(long n);
static void user_divide(long n);
static void user_device(long n);
static void (*programs[])(long) = {user_hello, user_privileged, user_divide, user_device};

/* Start user program `next` (or power off when all have run). */
static void run_next(void) {
    if (next == sizeof programs / sizeof programs[0]) {
        printf("kernel: %ld system calls, %ld timer interrupts\n", syscalls, ticks);
        fflush(stdout);
        *POWER_HALT = 0;
    }
    start.pc = (long)programs[next];
    start.fp = (long)(user_stack + sizeof user_stack);
    start.status = STATUS_PREV_USER | STATUS_PREV_IE | STATUS_START;
    start.a[0] = next++;
    asm volatile("iret %0" : : "r"(&start));
}

static void kill(struct trapframe *tf, const char *why) {
    printf("kernel: killed program %d: %s\n", next - 1, why);
    run_next();
}

/* Every trap and interrupt comes here, on the kernel stack. */
void trap(struct trapframe *tf) {
    switch (tf->cause) {
    case CAUSE_SYSCALL:
        syscalls++;
        if (tf->a[0] == SYS_PUTS) {
            printf("user %d: %s\n", next - 1, (char *)tf->a[1]);
            tf->ret = 0;
        } else if (tf->a[0] == SYS_EXIT) {
            printf("kernel: program %d exited with %ld\n", next - 1, tf->a[1]);
            run_next();
        } else {
            tf->ret = -1;
        }
        break;
    case CAUSE_INTERRUPT + IRQ_TIMER:
        ticks++;
        break;
    case CAUSE_ILLEGAL:
        kill(tf, "illegal instruction");
    case CAUSE_DIVIDE:
        kill(tf, "divide by zero");
    case CAUSE_PROTECTION:
        kill(tf, "device access from user mode");
    default:
        kill(tf, "unexpected trap");
    }
    asm volatile("iret %0" : : "r"(tf));
}

int main(void) {
    long handler = (long)trap, kstack = (long)(kernel_stack + sizeof kernel_stack);
    asm volatile("csrw #1, %0" : : "r"(handler));          /* CSR_TVEC */
    asm volatile("csrw #2, %0" : : "r"(kstack));           /* CSR_KSTACK */
    long timer = 1 << IRQ_TIMER;
    asm volatile("csrw #5, %0" : : "r"(timer));            /* CSR_IMASK */
    *TIMER_INTERVAL = 5000;
    printf("kernel: starting user programs\n");
    fflush(stdout);
    run_next();
    return 1;                                              /* not reached */
}

/* ---- user programs: they reach the kernel only through SYSCALL ---- */

static void user_hello(long n) {
    __syscall(SYS_PUTS, "hello from user mode");
    long sum = 0;
    for (long i = 0; i < 100000; i++)                      /* long enough for the timer */
        sum += i;
    __syscall(SYS_EXIT, sum == 4999950000 ? 0 : 1);
}

static void user_privileged(long n) {
    __syscall(SYS_PUTS, "trying cli");
    asm volatile("cli");
    __syscall(SYS_PUTS, "still here?");
}

static void user_divide(long n) {
    volatile int zero = 0;
    __syscall(SYS_PUTS, "dividing by zero");
    __syscall(SYS_PUTS, (char *)(long)(1 / zero));
}

static void user_device(long n) {
    __syscall(SYS_PUTS, "writing to the console device");
    *CONSOLE_DATA = 'x';
}
