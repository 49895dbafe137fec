/* Declaring a struct, setting and reading its members. */
#include <stdio.h>

struct point {
    int x;
    int y;
};

int main(void) {
    struct point p;
    p.x = 3;
    p.y = -4;
    printf("%d %d\n", p.x, p.y);
    p.x += 10;
    p.y *= p.x;
    printf("%d %d\n", p.x, p.y);
    struct point q;
    q.x = p.y;
    q.y = p.x;
    printf("%d %d\n", q.x, q.y);
    return 0;
}
