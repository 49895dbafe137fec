/* A negative return value from main becomes 256 + value. */
#include <stdio.h>

int main(void) {
    printf("minus one\n");
    return -1;
}
