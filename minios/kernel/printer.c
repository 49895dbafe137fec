/* minios: the line printer driver, behind the device file /dev/printer. */
#include "defs.h"

/* The printer device: bytes to the line printer (<pvm/machine.h>); with
 * no printer attached (pvm boot without --printer), -EIO, and lpd keeps
 * its jobs queued. */
long printer_write(struct proc *p, long va, long n) {
    char chunk[256];
    if (!(*PRINTER_STATUS & PRINTER_STATUS_READY))
        return -EIO;
    for (long done = 0; done < n;) {
        long k = n - done < 256 ? n - done : 256;
        if (copyin(p, chunk, va + done, k) < 0)
            return done ? done : -EFAULT;
        for (long i = 0; i < k; i++)
            *PRINTER_DATA = chunk[i];
        done += k;
    }
    return n;
}

