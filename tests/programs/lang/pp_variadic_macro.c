/* Variadic macros with __VA_ARGS__. */
#include <stdio.h>

#define LOG(fmt, ...) printf("[log] " fmt "\n", __VA_ARGS__)
#define CALL(f, ...) f(__VA_ARGS__)
#define COUNT_ARGS(...) COUNT_IMPL(__VA_ARGS__, 5, 4, 3, 2, 1, 0)
#define COUNT_IMPL(a, b, c, d, e, n, ...) n
#define SHOW_ALL(...) #__VA_ARGS__

static int add3(int a, int b, int c) { return a + b + c; }

int main(void) {
    LOG("%d + %d", 2, 3);
    LOG("%s", "one arg");
    printf("%d\n", CALL(add3, 1, 2, 3));
    printf("%d %d %d\n", COUNT_ARGS(a), COUNT_ARGS(a, b, c), COUNT_ARGS(1, 2, 3, 4, 5));
    printf("%s\n", SHOW_ALL(x, y,   z));
    return 0;
}
