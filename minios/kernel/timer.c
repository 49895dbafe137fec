/* minios: time.  The timer interrupts every TICK_INSTRUCTIONS instructions
 * (time is counted in instructions: 100 M per nominal second), which is
 * what preempts a process and wakes sleepers. */
#include "defs.h"

long ticks;

void timer_init(void) {
    irq_enable(IRQ_TIMER);
    *TIMER_INTERVAL = TICK_INSTRUCTIONS;
}

void timer_intr(void) {
    ticks++;
    if (current)
        current->slice--;
    wakeup(&ticks);                   /* msleep checks its time again */
}
