/* The line printer: each byte written to its DATA register is appended to
 * the host file named by --printer.
 *
 *     pvm run --printer out.txt examples/machine/printer.c && cat out.txt
 *
 * (`pvm run examples/machine/printer.c` alone finds no printer and says so.)
 */
#include <pvm/machine.h>
#include <stdio.h>

static void print(const char *s) {
    while (*s)
        *PRINTER_DATA = *s++;
}

int main(void) {
    if (!(*PRINTER_STATUS & PRINTER_STATUS_READY)) {
        printf("no printer attached (pvm run --printer FILE)\n");
        return 1;
    }
    print("hello from the line printer\n");
    print("second line\n");
    printf("printed 2 lines\n");
    return 0;
}
