/* A console driver that works by interrupts: the main loop sleeps in WFI;
 * each console interrupt's handler drains the input and echoes it back in
 * capitals; at the end of the input the machine powers off.
 *
 *     echo hello | pvm run examples/machine/console_echo.c
 *
 * Everything runs in kernel mode: interrupts are taken between blocks of
 * the main loop, on its stack, and the handler ends with IRET.
 */
#include <pvm/machine.h>

static volatile int done;
static long interrupts;

void interrupt(struct trapframe *tf) {
    interrupts++;
    while (*CONSOLE_STATUS & CONSOLE_STATUS_RX_READY) {
        long c = *CONSOLE_DATA;
        *CONSOLE_DATA = c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
    }
    if (*CONSOLE_STATUS & CONSOLE_STATUS_RX_EOF)
        done = 1;
    asm volatile("iret %0" : : "r"(tf));
}

int main(void) {
    long handler = (long)interrupt, lines = 1 << IRQ_CONSOLE;
    asm volatile("csrw #1, %0" : : "r"(handler));      /* CSR_TVEC */
    asm volatile("csrw #5, %0" : : "r"(lines));        /* CSR_IMASK */
    *CONSOLE_CTRL = CONSOLE_CTRL_RX_IRQ;
    asm volatile("sti");
    while (!done)
        asm volatile("wfi");
    *POWER_HALT = interrupts > 0 ? 0 : 1;
    return 0;
}
