/* A function may return a pointer to a static or global object. */
#include <stdio.h>

static int table[5];

static int *slot(int i) {
    return &table[i];
}

static char *buffer(void) {
    static char buf[16];
    return buf;
}

int main(void) {
    *slot(2) = 99;
    *slot(4) = *slot(2) + 1;
    printf("%d %d %d\n", table[2], table[4], table[0]);
    char *b = buffer();
    b[0] = 'h'; b[1] = 'i'; b[2] = 0;
    printf("%s\n", buffer());
    return 0;
}
