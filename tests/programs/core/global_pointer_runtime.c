/* A global pointer set at run time to point at globals and locals. */
#include <stdio.h>

int g1 = 11, g2 = 22;
int *gp;

static void point_at(int *p) { gp = p; }

int main(void) {
    point_at(&g1);
    *gp += 1;
    point_at(&g2);
    *gp *= 2;
    printf("%d %d\n", g1, g2);
    int local = 5;
    point_at(&local);
    *gp = 6;
    printf("%d\n", local);
    return 0;
}
