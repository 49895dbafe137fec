/* extern declarations refer to objects and functions defined later. */
#include <stdio.h>

extern int shared;
extern int lookup(int i);
extern const char message[];

int main(void) {
    printf("%d %d %s\n", shared, lookup(2), message);
    shared = 5;
    {
        extern int shared;
        printf("%d\n", shared);
    }
    return 0;
}

int shared = 99;
const char message[] = "defined below";
static int values[3] = {7, 8, 9};
int lookup(int i) { return values[i]; }
