/* %e with precisions, signs and large/small exponents. */
#include <stdio.h>

int main(void) {
    printf("%e\n", 12345.678);
    printf("%.2e %.0e %E\n", 0.000123456, 5.5, 1e100);
    printf("%e %e\n", 0.0, -1.0);
    printf("%e %e\n", 1e-300, 1.7976931348623157e308);
    printf("[%15.4e] [%-15.4e] [%+e]\n", 314.159, 314.159, 2.0);
    printf("%.3e\n", 9.9996);
    printf("%e\n", 5e-324);
    return 0;
}
