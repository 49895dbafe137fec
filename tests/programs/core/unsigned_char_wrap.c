/* unsigned char arithmetic wraps modulo 256 when stored back. */
#include <stdio.h>

int main(void) {
    unsigned char u = 250;
    int i;
    for (i = 0; i < 10; i++) {
        u++;
        printf("%u ", u);
    }
    printf("\n");
    u = 0;
    u--;
    printf("%u\n", u);
    u = 16;
    u *= 17;
    printf("%u\n", u);
    u = 3;
    u -= 5;
    printf("%d\n", u);
    return 0;
}
