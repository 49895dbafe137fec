/* Functions with many parameters of mixed integer types. */
#include <stdio.h>

static long mix(int a, long b, char c, short d, unsigned int e,
                unsigned long f, int g, long h, signed char i, int j) {
    return a + b * 2 + c * 3 + d * 4 + (long)e * 5 + (long)f * 6 + g * 7
           + h * 8 + i * 9 + j * 10;
}

static int pick(int a, int b, int c, int d, int e, int f, int g, int h, int which) {
    return which == 0 ? a : which == 1 ? b : which == 2 ? c : which == 3 ? d
         : which == 4 ? e : which == 5 ? f : which == 6 ? g : h;
}

int main(void) {
    printf("%ld\n", mix(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    printf("%ld\n", mix(-1, -2, -3, -4, 5, 6, -7, -8, -9, -10));
    int i;
    for (i = 0; i < 8; i++)
        printf("%d ", pick(10, 20, 30, 40, 50, 60, 70, 80, i));
    printf("\n");
    return 0;
}
