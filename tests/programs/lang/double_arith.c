/* double arithmetic and printing with %f. */
#include <stdio.h>

int main(void) {
    double a = 1.5, b = 0.25;
    printf("%f %f %f %f\n", a + b, a - b, a * b, a / b);
    double x = 1.0 / 3.0;
    printf("%f %.10f\n", x, x);
    double sum = 0;
    int i;
    for (i = 1; i <= 10; i++)
        sum += 1.0 / i;
    printf("%.12f\n", sum);
    printf("%f\n", -a);
    double big = 1e15;
    printf("%f\n", big + 0.5);
    return 0;
}
