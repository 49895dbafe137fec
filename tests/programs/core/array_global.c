/* Global arrays start zeroed and keep values between calls. */
#include <stdio.h>

int counts[10];
long totals[3][3];

static void add(int digit) {
    counts[digit]++;
    totals[digit % 3][digit / 4] += digit;
}

int main(void) {
    int i;
    printf("%d %ld\n", counts[5], totals[2][2]);
    for (i = 0; i < 100; i++)
        add((i * 7) % 10);
    for (i = 0; i < 10; i++)
        printf("%d ", counts[i]);
    printf("\n");
    for (i = 0; i < 3; i++)
        printf("%ld %ld %ld\n", totals[i][0], totals[i][1], totals[i][2]);
    return 0;
}
