/* const objects can be read and used in expressions. */
#include <stdio.h>

const int limit = 5;
static const long scale = 1000;

static int clamp(const int v) {
    return v > limit ? limit : v;
}

int main(void) {
    const char *msg = "const";
    const int local = 3;
    printf("%d %d %d\n", clamp(2), clamp(9), local);
    printf("%ld\n", scale * local);
    printf("%s\n", msg);
    const unsigned char bytes = 200;
    printf("%d\n", bytes + 100);
    return 0;
}
