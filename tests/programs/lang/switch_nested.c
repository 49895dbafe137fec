/* Nested switches, and a switch whose cases sit inside a block. */
#include <stdio.h>

static int classify(int a, int b) {
    switch (a) {
    case 0:
        switch (b) {
        case 0: return 0;
        case 1: return 1;
        default: return 2;
        }
    case 1:
        {
            int t = b * 10;
            return t + 3;
        }
    default:
        return -1;
    }
}

int main(void) {
    int a, b;
    for (a = 0; a < 3; a++)
        for (b = 0; b < 3; b++)
            printf("%d ", classify(a, b));
    printf("\n");
    return 0;
}
