/* minios: the disk driver.  The minidisk completes a command at once
 * (<pvm/machine.h>), so a transfer is: say which sector and where, start
 * it, check how it ended.  A block of the file system is two sectors. */
#include "defs.h"

long disk_sectors(void) {
    return *DISK_SECTORS;
}

static int transfer(long command, long sector, void *buf) {
    *DISK_SECTOR = sector;
    *DISK_ADDR = (long)buf;
    *DISK_COMMAND = command;
    return *DISK_STATUS == DISK_STATUS_OK ? 0 : -1;
}

/* Read or write one BSIZE block (a kernel, i.e. physical, address); a disk
 * that fails is a broken machine, not a recoverable error. */
void disk_rw(long blockno, void *buf, int write) {
    for (int i = 0; i < SECTORS_PER_BLOCK; i++)
        if (transfer(write ? DISK_COMMAND_WRITE : DISK_COMMAND_READ,
                     blockno * SECTORS_PER_BLOCK + i, (char *)buf + i * DISK_SECTOR_SIZE) < 0)
            panic("disk: cannot %s block %ld", write ? "write" : "read", blockno);
}
