/* A global variable shared by several functions. */
#include <stdio.h>

int counter;
long total = 1000;

static void tick(void) { counter++; total += counter; }

int main(void) {
    int i;
    for (i = 0; i < 10; i++)
        tick();
    printf("%d %ld\n", counter, total);
    counter = -5;
    tick();
    printf("%d %ld\n", counter, total);
    return counter + 4;
}
