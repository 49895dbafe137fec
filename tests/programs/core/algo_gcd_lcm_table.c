/* A table of gcd and lcm values, and Euler's totient by counting. */
#include <stdio.h>

static int gcd(int a, int b) {
    while (b) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

int main(void) {
    int i, j;
    for (i = 1; i <= 6; i++) {
        for (j = 1; j <= 6; j++)
            printf("%d/%d ", gcd(i * 4, j * 6), i * 4 / gcd(i * 4, j * 6) * j * 6);
        printf("\n");
    }
    for (i = 1; i <= 20; i++) {
        int phi = 0;
        for (j = 1; j <= i; j++)
            if (gcd(i, j) == 1)
                phi++;
        printf("%d ", phi);
    }
    printf("\n");
    return 0;
}
