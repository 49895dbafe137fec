/* volatile objects are read and written in source order like any other. */
#include <stdio.h>

volatile int ticks;

static void tick(void) { ticks++; }

int main(void) {
    volatile int local = 0;
    int i;
    for (i = 0; i < 100; i++) {
        local = local + i;
        tick();
    }
    printf("%d %d\n", local, ticks);
    volatile char buf[4];
    buf[0] = 'v';
    buf[1] = buf[0] + 1;
    printf("%c%c\n", buf[0], buf[1]);
    volatile int *p = &ticks;
    *p = 7;
    printf("%d\n", ticks);
    return 0;
}
