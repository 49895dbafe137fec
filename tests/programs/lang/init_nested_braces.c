/* Nested braces for multi-dimensional arrays and arrays of structs, with
   zero-fill of whatever a brace list leaves out. */
#include <stdio.h>

struct p { int x, y; };

int main(void) {
    int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
    int e[2][3] = {{1, 2, 3}, {4}};
    int part[3][2] = {{1}, {2, 3}};
    struct p ps[3] = {{1, 2}, {3, 4}};
    struct p flat[2] = {{5, 6}, {7, 8}};
    int i, j;
    for (i = 0; i < 2; i++)
        for (j = 0; j < 3; j++)
            printf("%d%d ", m[i][j], e[i][j]);
    printf("\n");
    for (i = 0; i < 3; i++)
        printf("%d %d ", part[i][0], part[i][1]);
    printf("\n%d %d %d %d %d\n", ps[1].x, ps[1].y, ps[2].x, flat[1].x, flat[1].y);
    return 0;
}
