/* minios: the disk driver.  The minidisk completes a command at once
 * (<pvm/machine.h>), so a read is: say which sector and where, start it,
 * check how it ended. */
#include "defs.h"

long disk_sectors(void) {
    return *DISK_SECTORS;
}

/* Read one 512-byte sector into buf (a kernel, i.e. physical, address). */
int disk_read(long sector, void *buf) {
    *DISK_SECTOR = sector;
    *DISK_ADDR = (long)buf;
    *DISK_COMMAND = DISK_COMMAND_READ;
    return *DISK_STATUS == DISK_STATUS_OK ? 0 : -1;
}
