/* strcmp and strncmp: only the sign of the result is portable. */
#include <stdio.h>
#include <string.h>

static int sgn(int v) { return (v > 0) - (v < 0); }

int main(void) {
    printf("%d %d %d\n", sgn(strcmp("abc", "abc")), sgn(strcmp("abc", "abd")),
           sgn(strcmp("b", "abc")));
    printf("%d %d\n", sgn(strcmp("", "a")), sgn(strcmp("a", "")));
    printf("%d\n", sgn(strcmp("abc", "ab")));
    printf("%d %d\n", sgn(strncmp("abcdef", "abcxyz", 3)), sgn(strncmp("abcdef", "abcxyz", 4)));
    printf("%d\n", sgn(strncmp("x", "y", 0)));
    printf("%d\n", sgn(strcmp("\x80", "\x7f")));
    return 0;
}
