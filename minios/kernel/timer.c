/* minios: time.  The timer interrupts every TICK_INSTRUCTIONS instructions
 * (time is counted in instructions: 100 M per nominal second), which is
 * what preempts a process and wakes sleepers. */
#include "defs.h"

long ticks;

void timer_init(void) {
    long mask;
    asm volatile("csrr %0, #5" : "=r"(mask));               /* CSR_IMASK */
    mask |= 1 << IRQ_TIMER;
    asm volatile("csrw #5, %0" : : "r"(mask));
    *TIMER_INTERVAL = TICK_INSTRUCTIONS;
}

void timer_intr(void) {
    ticks++;
    if (current)
        current->slice--;
    wakeup_timer(ticks);
}
