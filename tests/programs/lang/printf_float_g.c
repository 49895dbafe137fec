/* %g picks %e or %f style and strips trailing zeros. */
#include <stdio.h>

int main(void) {
    double v[10] = {0.0, 1.0, 0.1, 100000.0, 1000000.0, 1234567.0,
                    0.0001, 0.00001, 123.456, -2.5e-7};
    int i;
    for (i = 0; i < 10; i++)
        printf("%g ", v[i]);
    printf("\n");
    printf("%.3g %.10g %.1g %G\n", 3.14159, 3.14159, 0.05, 1e-10);
    printf("[%10g] [%-10g] [%+g]\n", 2.5, 2.5, 2.5);
    printf("%g %g\n", 1e15, 123456789012.0);
    printf("%.0g %.2g\n", 0.5, 99.5);
    return 0;
}
