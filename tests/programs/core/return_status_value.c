/* The value returned from main is the exit status. */
#include <stdio.h>

int main(void) {
    printf("returning 42\n");
    return 42;
}
