/* %f with widths, precisions and flags, including rounding. */
#include <stdio.h>

int main(void) {
    double v = 3.14159265358979;
    printf("[%f] [%.2f] [%.0f] [%10.3f] [%-10.3f] [%010.3f]\n", v, v, v, v, v, v);
    printf("[%+f] [% f] [%+.1f]\n", v, v, -v);
    printf("[%.0f] [%.0f] [%.0f] [%.0f]\n", 0.5, 1.5, 2.5, -0.5);
    printf("[%.2f] [%.2f] [%.3f]\n", 1.005, 2.675, 1.0005);
    printf("[%f] [%f]\n", 0.0, -0.0);
    printf("[%.3f] [%f]\n", 1e-10, 123456789.125);
    printf("[%f]\n", 1e20);
    printf("[%.15f]\n", 0.1);
    printf("[%8.2f]\n", -12.345);
    return 0;
}
