/* sbrk grows the heap a page at a time as it is touched, and fails
 * cleanly at the process's limit. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void) {
    long mib = 0;
    char *p;
    while ((p = sbrk(1 << 20)) != (char *)-1) {
        for (long i = 0; i < (1 << 20); i += 4096)
            p[i] = 1;
        mib++;
    }
    printf("heap grew to %ld MiB, then sbrk failed\n", mib);
    sbrk(-(mib << 20));
    return 0;
}
