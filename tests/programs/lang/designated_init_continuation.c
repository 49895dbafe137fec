/* Positional initializers continue after the innermost designated element,
   nested designators reach into struct and union members. */
#include <stdio.h>

struct s { int x; int y[3]; int z; };
union num { int i; float f; };
struct box { union num v; union { int x; int y[2]; } u; int tail; };

int b[2][3] = {[1][0] = 4, 3, 2};
struct s gs = {.y[1] = 3, 6};
struct box gbox = {.v.f = 4.5f, .u.y[1] = 3, 7};

int main(void)
{
    int lb[2][3] = {[1][0] = 4, 3, 2};
    struct s ls = {.y[1] = 3, 6};
    struct s many[2] = {[1].y[0] = 1, 2, 3, [0].z = 9};
    struct box lbox = {.v.f = 4.5f, .u.y[1] = 3, 7};
    int i, j;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++)
            printf("%d %d%c", b[i][j], lb[i][j], j == 2 ? '\n' : ' ');
    printf("%d %d %d %d %d\n", gs.x, gs.y[0], gs.y[1], gs.y[2], gs.z);
    printf("%d %d %d %d %d\n", ls.x, ls.y[0], ls.y[1], ls.y[2], ls.z);
    printf("%d %d %d %d | %d %d %d %d\n", many[0].y[0], many[0].z, many[1].x, many[1].y[0],
           many[1].y[1], many[1].y[2], many[1].z, many[0].x);
    printf("%.2f %d %d %d\n", gbox.v.f, gbox.u.y[0], gbox.u.y[1], gbox.tail);
    printf("%.2f %d %d %d\n", lbox.v.f, lbox.u.y[0], lbox.u.y[1], lbox.tail);
    return 0;
}
