/* float arithmetic rounds to single precision after each operation. */
#include <stdio.h>

int main(void) {
    float a = 0.1f, b = 0.2f;
    float c = a + b;
    printf("%.10f\n", c);
    printf("%.10f\n", (double)a + (double)b);
    float f = 16777216.0f;
    f = f + 1.0f;
    printf("%.1f\n", f);
    float acc = 0;
    int i;
    for (i = 0; i < 1000; i++)
        acc += 0.001f;
    printf("%.8f\n", acc);
    printf("%d\n", (int)sizeof(float));
    printf("%f\n", 3.0f / 7.0f);
    return 0;
}
