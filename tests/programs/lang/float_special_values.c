/* Infinities and NaN print as inf and nan. */
#include <stdio.h>

int main(void) {
    double zero = 0.0;
    double inf = 1.0 / zero;
    printf("%f %f\n", inf, -inf);
    printf("%e %g\n", inf, -inf);
    printf("[%8f] [%-8f]\n", inf, inf);
    double big = 1e308;
    printf("%f\n", big * 10 / big);
    printf("%g\n", -zero);
    printf("%d\n", inf == inf + 1);
    return 0;
}
