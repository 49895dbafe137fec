/* Precision on integer conversions gives a minimum number of digits. */
#include <stdio.h>

int main(void) {
    printf("[%.3d] [%.3d] [%.0d]\n", 7, -7, 0);
    printf("[%8.3d] [%-8.3d]\n", 42, 42);
    printf("[%.5x] [%.2o]\n", 255, 8);
    printf("[%+.2d]\n", 3);
    printf("[%.10u]\n", 123u);
    printf("[%5.0d]\n", 0);
    return 0;
}
