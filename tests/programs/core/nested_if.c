/* Deeply nested ifs with compound conditions. */
#include <stdio.h>

static int leap(int y) {
    if (y % 4 == 0) {
        if (y % 100 == 0) {
            if (y % 400 == 0)
                return 1;
            return 0;
        }
        return 1;
    }
    return 0;
}

int main(void) {
    int years[6];
    int i;
    years[0] = 1900; years[1] = 2000; years[2] = 2023;
    years[3] = 2024; years[4] = 2100; years[5] = 2400;
    for (i = 0; i < 6; i++)
        printf("%d:%d ", years[i], leap(years[i]));
    printf("\n");
    return 0;
}
