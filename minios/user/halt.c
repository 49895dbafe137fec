/* halt [status]: power the machine off; `pvm boot` exits with the status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int status = argc > 1 ? atoi(argv[1]) : 0;
    fflush(stdout);
    halt(status);
    /* halt returns only if it failed (under a bare pvm run: ENOSYS) */
    fprintf(stderr, "halt: %s\n", strerror(errno));
    return 1;
}
