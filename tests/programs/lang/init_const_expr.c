/* Global initializers computed at compile time from constant expressions. */
#include <stdio.h>

#define KB 1024
enum { SHIFT = 3 };

int sizes[] = {KB, KB * 4, (1 << SHIFT) + 1, sizeof(long) * 2, -7 / 2, 0x10 | 0x01};
unsigned long mask = ~0UL << 8;
unsigned char wrapped = 300 - 256;
int cond = 5 > 3 ? 100 : 200;
char letters[] = {'a' + 1, 'z' - 1, 0};
double ratio = 1.0 / 4;
int count = sizeof sizes / sizeof sizes[0];

int main(void) {
    int i;
    for (i = 0; i < count; i++)
        printf("%d ", sizes[i]);
    printf("\n%lx %d %d %s %.3f\n", mask, wrapped, cond, letters, ratio);
    return 0;
}
