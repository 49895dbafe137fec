/* exit() from a nested function ends the program with that status. */
#include <stdio.h>
#include <stdlib.h>

static void check(int v) {
    if (v > 3) {
        printf("exiting at %d\n", v);
        exit(v * 10);
    }
}

int main(void) {
    int i;
    for (i = 0; i < 10; i++)
        check(i);
    printf("not reached\n");
    return 0;
}
