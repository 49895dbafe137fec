/* Floating literals: decimal forms, exponents, suffixes. */
#include <stdio.h>

int main(void) {
    printf("%g %g %g %g\n", 1.0, .5, 5., 1e3);
    printf("%g %g %g\n", 1.5e-3, 2E+2, 0.0e0);
    printf("%d %d %d\n", (int)sizeof(1.0), (int)sizeof(1.0f), (int)sizeof(1.0F));
    printf("%.20g\n", 0.1f);
    printf("%.20g\n", 0.1);
    printf("%.17g\n", 123456789.123456789);
    printf("%g\n", 1e-5 * 1e5);
    printf("%g\n", 6.02214076e23);
    return 0;
}
