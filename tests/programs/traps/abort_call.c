// expect-status: 134
// expect-stderr-contains: Aborted
/* abort() ends the program with status 134, like SIGABRT. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("aborting\n");
    abort();
}
