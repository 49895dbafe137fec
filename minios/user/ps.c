/* ps: list the processes, one line per used slot of the kernel's process
 * table, read slot by slot with procinfo (<sys/proc.h>). */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/proc.h>

#define FORMAT "%5ld %5ld %-9s %12ld %s\n"

static const char *state_name(long state)
{
    switch (state) {
    case PROC_RUNNABLE: return "runnable";
    case PROC_SLEEPING: return "sleeping";
    case PROC_ZOMBIE: return "zombie";
    }
    return "?";
}

int main(void)
{
    struct procinfo p;
    int slot, header = 0;
    for (slot = 0;; slot++) {
        if (procinfo(slot, &p) < 0) {
            if (errno == ESRCH)         /* a free slot */
                continue;
            if (errno == EINVAL)        /* past the end of the table */
                return 0;
            /* no kernel (ENOSYS under a bare pvm run): just the error, no header */
            fprintf(stderr, "ps: procinfo: %s\n", strerror(errno));
            return 1;
        }
        if (!header++)
            printf("%5s %5s %-9s %12s %s\n", "PID", "PPID", "STATE", "INSTRUCTIONS", "NAME");
        p.name[sizeof p.name - 1] = 0;  /* the kernel's copy may fill it */
        printf(FORMAT, p.pid, p.ppid, state_name(p.state), p.instructions, p.name);
    }
}
