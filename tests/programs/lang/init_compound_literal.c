/* Compound literals: unnamed objects of struct and array type. */
#include <stdio.h>

struct pt { int x, y; };

static int manhattan(struct pt a, struct pt b) {
    int dx = a.x - b.x, dy = a.y - b.y;
    return (dx < 0 ? -dx : dx) + (dy < 0 ? -dy : dy);
}

static int sum(const int *v, int n) {
    int s = 0;
    while (n--)
        s += *v++;
    return s;
}

int main(void) {
    printf("%d\n", manhattan((struct pt){1, 2}, (struct pt){.x = -3, .y = 5}));
    printf("%d\n", sum((int[]){1, 2, 3, 4}, 4));
    struct pt *p = &(struct pt){7, 8};
    p->y += 1;
    printf("%d %d\n", p->x, p->y);
    int *arr = (int[5]){0};
    arr[4] = 9;
    printf("%d %d\n", arr[0], arr[4]);
    return 0;
}
