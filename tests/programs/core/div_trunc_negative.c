/* Integer division truncates toward zero, for every sign combination. */
#include <stdio.h>

int main(void) {
    int n[4] ;
    int d[4];
    int i, j;
    n[0] = 7; n[1] = -7; n[2] = 9; n[3] = -9;
    d[0] = 2; d[1] = -2; d[2] = 4; d[3] = -4;
    for (i = 0; i < 4; i++)
        for (j = 0; j < 4; j++)
            printf("%d/%d=%d ", n[i], d[j], n[i] / d[j]);
    printf("\n");
    long a = -1000000000001L;
    printf("%ld %ld\n", a / 1000, a / -1000);
    printf("%d\n", -1 / 2);
    printf("%d\n", (-3) / 3);
    return 0;
}
