/* Function pointers stored in structs: a tiny object system. */
#include <stdio.h>

struct shape {
    const char *name;
    int (*area)(const struct shape *);
    int w, h;
};

static int rect_area(const struct shape *s) { return s->w * s->h; }
static int tri_area(const struct shape *s) { return s->w * s->h / 2; }

int main(void) {
    struct shape shapes[3] = {
        {"rect", rect_area, 3, 4},
        {"tri", tri_area, 6, 5},
        {"square", rect_area, 7, 7},
    };
    int i, total = 0;
    for (i = 0; i < 3; i++) {
        int a = shapes[i].area(&shapes[i]);
        printf("%s %d\n", shapes[i].name, a);
        total += a;
    }
    return total % 256;
}
