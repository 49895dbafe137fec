/* A dense switch (a jump-table candidate) over many consecutive values. */
#include <stdio.h>

static int weight(int c) {
    switch (c) {
    case 0: return 7;
    case 1: return 3;
    case 2: return 9;
    case 3: return 1;
    case 4: return 4;
    case 5: return 8;
    case 6: return 2;
    case 7: return 6;
    case 8: return 5;
    case 9: return 0;
    case 10: return 11;
    case 11: return 13;
    case 12: return 17;
    case 13: return 19;
    case 14: return 23;
    case 15: return 29;
    default: return -1;
    }
}

int main(void) {
    int i;
    long sum = 0;
    for (i = -2; i < 20; i++) {
        printf("%d ", weight(i));
        sum += weight(i) * i;
    }
    printf("\n%ld\n", sum);
    return 0;
}
