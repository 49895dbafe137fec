/* Passing and returning float and double; float arguments are converted. */
#include <stdio.h>

static float half(float x) { return x / 2; }
static double mix(int a, double b, float c, long d) { return a + b + c + d; }
static double sum_array(const double *v, int n) {
    double s = 0;
    int i;
    for (i = 0; i < n; i++)
        s += v[i];
    return s;
}

int main(void) {
    printf("%f\n", half(5));
    printf("%f\n", mix(1, 2.5, 0.25f, 10L));
    double v[4] = {0.5, 0.25, 0.125, 0.0625};
    printf("%f\n", sum_array(v, 4));
    float f = half(half(1.0f));
    printf("%g\n", f);
    int i = half(7.0f);
    return i;
}
