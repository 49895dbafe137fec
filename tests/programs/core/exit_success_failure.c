/* EXIT_FAILURE and EXIT_SUCCESS from stdlib.h. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("%d %d\n", EXIT_SUCCESS, EXIT_FAILURE);
    exit(EXIT_FAILURE);
}
