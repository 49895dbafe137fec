/* minios: the end of the machine, wanted or not. */
#include <stdarg.h>
#include "defs.h"

void vprintf_console(const char *fmt, va_list ap);

/* Power off: the VM exits with this status. */
void halt(long status) {
    *POWER_HALT = status;
    for (;;)
        ;
}

/* A kernel invariant broke: say which, and stop with a status of its own
 * so that scripts can tell a panic from a program's failure. */
void panic(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("panic: ");
    vprintf_console(fmt, ap);
    printf("\n");
    va_end(ap);
    halt(PANIC_STATUS);
}
