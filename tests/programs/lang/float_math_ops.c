/* Floating arithmetic identities, mixed int/double expressions and casts. */
#include <stdio.h>

static double poly(double x) {
    return ((2.0 * x - 3.0) * x + 0.5) * x - 7.25;
}

int main(void) {
    int i;
    for (i = -2; i <= 2; i++)
        printf("%.4f ", poly(i));
    printf("\n");
    double h = 1.0;
    int steps = 0;
    while (1.0 + h != 1.0) {
        h /= 2;
        steps++;
    }
    printf("%d %g\n", steps, h);
    int n = 7;
    double avg = (double)(1 + 2 + 3 + 4) / n;
    printf("%.6f\n", avg);
    printf("%.6f\n", n / 2 * 1.0);
    printf("%.6f\n", n / 2.0);
    double x = 2;
    x *= 1.5;
    x -= 0.25;
    printf("%.2f\n", x);
    return 0;
}
