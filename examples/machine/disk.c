/* A round trip through the minidisk: write a sector, read it back into
 * another buffer, compare, and report what the device said.
 *
 *     pvm run --disk disk.img examples/machine/disk.c
 *
 * (disk.img: any host file; its size in 512-byte sectors is the disk's;
 * `pvm run examples/machine/disk.c` alone finds no disk and says so.)
 * The disk completes each command at once; with CTRL's DONE_IRQ set it
 * would also raise its interrupt.
 */
#include <pvm/machine.h>
#include <stdio.h>
#include <string.h>

static char out[512], in[512];

static long command(long cmd, long sector, char *buffer) {
    *DISK_SECTOR = sector;
    *DISK_ADDR = (long)buffer;
    *DISK_COMMAND = cmd;
    return *DISK_STATUS;
}

int main(void) {
    long sectors = *DISK_SECTORS;
    printf("disk: %ld sectors\n", sectors);
    if (sectors == 0)
        return 1;
    for (int i = 0; i < 512; i++)
        out[i] = (char)(i * 7 + 3);
    long w = command(DISK_COMMAND_WRITE, sectors - 1, out);
    long r = command(DISK_COMMAND_READ, sectors - 1, in);
    printf("write status %ld, read status %ld, same bytes: %s\n", w, r,
           memcmp(in, out, 512) == 0 ? "yes" : "no");
    printf("past the end: status %ld\n", command(DISK_COMMAND_READ, sectors, in));
    return 0;
}
