/* Floats and doubles in arrays and structs, summed and averaged. */
#include <stdio.h>

struct sample { float temp; double weight; };

int main(void) {
    struct sample s[4] = {{20.5f, 1.0}, {22.25f, 2.0}, {19.75f, 0.5}, {21.0f, 1.5}};
    double num = 0, den = 0;
    int i;
    for (i = 0; i < 4; i++) {
        num += s[i].temp * s[i].weight;
        den += s[i].weight;
    }
    printf("%.4f\n", num / den);
    float grid[2][3] = {{1.5f, 2.5f, 3.5f}, {-1.0f, 0.0f, 1.0f}};
    float t = 0;
    for (i = 0; i < 6; i++)
        t += grid[i / 3][i % 3];
    printf("%.2f\n", t);
    printf("%d\n", (int)sizeof(struct sample));
    return 0;
}
