/* A sparse switch with large, negative and char case labels. */
#include <stdio.h>

static int code(long v) {
    switch (v) {
    case -1000000: return 1;
    case -1: return 2;
    case 0: return 3;
    case 'A': return 4;
    case 1000: return 5;
    case 65536: return 6;
    case 4000000000L: return 7;
    default: return 0;
    }
}

int main(void) {
    long tests[9] = {-1000000, -1, 0, 65, 1000, 65536, 4000000000L, 7, -2};
    int i;
    for (i = 0; i < 9; i++)
        printf("%d ", code(tests[i]));
    printf("\n");
    unsigned char u = 200;
    switch (u) {
    case 200: printf("unsigned 200\n"); break;
    default: printf("other\n");
    }
    return 0;
}
