/* A struct containing structs and arrays. */
#include <stdio.h>

struct vec { int x, y; };
struct rect { struct vec min, max; char name[8]; };
struct scene { struct rect boxes[3]; int count; };

static int area(struct rect r) {
    return (r.max.x - r.min.x) * (r.max.y - r.min.y);
}

int main(void) {
    struct scene s;
    int i;
    s.count = 3;
    for (i = 0; i < s.count; i++) {
        s.boxes[i].min.x = i;
        s.boxes[i].min.y = 2 * i;
        s.boxes[i].max.x = 10 + i;
        s.boxes[i].max.y = 5 + 3 * i;
        s.boxes[i].name[0] = 'A' + i;
        s.boxes[i].name[1] = 0;
    }
    for (i = 0; i < s.count; i++)
        printf("%s %d\n", s.boxes[i].name, area(s.boxes[i]));
    printf("%d\n", (int)sizeof(struct scene));
    return 0;
}
