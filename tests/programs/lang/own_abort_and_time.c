/* A program may define functions with the C library's names (here `time`
   and `abort`): the library's are then not linked for its calls. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static time_t ticks = 1000;

time_t time(time_t *t) {
    ticks += 10;
    if (t)
        *t = ticks;
    return ticks;
}

void abort(void) {
    printf("abort: cleaning up at %ld\n", (long)ticks);
    exit(3);
}

int main(void) {
    time_t at;
    time_t now = time(&at);
    printf("%ld %ld\n", (long)now, (long)at);
    printf("%ld\n", (long)time(NULL));
    if (time(NULL) > 1020)
        abort();
    puts("not reached");
    return 0;
}
