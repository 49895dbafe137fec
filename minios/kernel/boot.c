/* minios: the boot sequence, top to bottom.
 *
 * The VM starts this program in kernel mode, on physical addresses, with
 * the devices of <pvm/machine.h> attached; `pvm boot` passes its command
 * line (`minios -c 'CMDS'` for `pvm boot --run 'CMDS'`), which goes on to
 * init.  Nothing here returns: the last step starts the first process,
 * and from then on the kernel runs only when a trap or an interrupt
 * brings it back (trap.c).
 */
#include "defs.h"

int main(int argc, char **argv) {
    console_init();               /* first, so that panics can be seen */
    kinit();                      /* the physical pages processes get */
    trap_init();                  /* the trap vector and the kernel stack */
    if (fs_init() < 0)            /* the disk: files, and the programs to run */
        panic("no minios file system on the disk (pvm mkfs makes one)");
    printf("minios: %ld KiB for processes, %ld of %d KiB free on the disk; console, timer, disk\n",
           kfree_pages() * PAGE_SIZE / 1024, fs_free_blocks() * BSIZE / 1024, sb.size * BSIZE / 1024);
    proc_init();
    userinit(argc, argv);         /* init, with the boot command line's arguments */
    timer_init();                 /* preemption from here on */
    schedule();                   /* run init: never returns */
    return 0;
}
