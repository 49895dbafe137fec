/* Identifiers spelled in UTF-8, as gcc 10 and later accept them. */
#include <stdio.h>

#define π 3.14159
#define DOUBLE_Ω(x) (2 * (x))

struct point { int x₀, y₀; };
static int café = 4;
static int größe(struct point p) { return p.x₀ * p.y₀; }

int main(void) {
    int λ = 5, 变量 = 6;
    struct point p = { .x₀ = λ, .y₀ = 变量 };
    printf("%d %d %.2f %d\n", café + λ, größe(p), π, DOUBLE_Ω(变量));
    return 0;
}
