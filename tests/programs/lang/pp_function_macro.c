/* Function-like macros with parenthesised parameters. */
#include <stdio.h>

#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define CLAMP(v, lo, hi) MIN(MAX(v, lo), hi)
#define NOARGS() 42
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

int main(void) {
    int v[7];
    printf("%d %d\n", SQUARE(3 + 1), SQUARE(-2));
    printf("%d %d\n", MAX(3, 9), MIN(3, 9));
    printf("%d %d %d\n", CLAMP(-5, 0, 10), CLAMP(5, 0, 10), CLAMP(50, 0, 10));
    printf("%d %d\n", NOARGS(), (int)ARRAY_LEN(v));
    printf("%d\n", MAX(MAX(1, 7), MAX(4, 2)));
    return 0;
}
