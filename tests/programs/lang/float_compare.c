/* Floating comparisons, including with NaN and signed zeros. */
#include <stdio.h>

int main(void) {
    double a = 0.1 + 0.2, b = 0.3;
    printf("%d %d %d\n", a == b, a > b, a < b);
    double zero = 0.0;
    double nan = zero / zero;
    printf("%d %d %d %d\n", nan == nan, nan != nan, nan < 1.0, nan > 1.0);
    double nz = -zero;
    printf("%d %d\n", nz == zero, nz < zero);
    double inf = 1.0 / zero;
    printf("%d %d\n", inf > 1e308, -inf < -1e308);
    float f = 0.1f;
    printf("%d %d\n", f == 0.1, f == 0.1f);
    printf("%d\n", 2.0 >= 2);
    return 0;
}
