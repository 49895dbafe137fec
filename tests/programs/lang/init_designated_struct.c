/* Designated struct initializers: .member = value, nested, out of order. */
#include <stdio.h>

struct color { unsigned char r, g, b; };
struct style { int width; struct color fg, bg; const char *name; };

int main(void) {
    struct style s = {.name = "bold", .fg = {.r = 255}, .width = 3, .bg.b = 128};
    printf("%s %d %d %d %d %d %d\n", s.name, s.width, s.fg.r, s.fg.g, s.bg.b, s.bg.r, s.fg.b);
    struct color palette[3] = {[1] = {.g = 200}, [2].b = 50};
    printf("%d %d %d\n", palette[0].r, palette[1].g, palette[2].b);
    return 0;
}
