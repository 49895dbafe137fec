/* Escape sequences inside string literals, checked byte by byte. */
#include <stdio.h>
#include <string.h>

static void dump(const char *s) {
    while (*s) {
        printf("%d ", *s);
        s++;
    }
    printf("\n");
}

int main(void) {
    dump("a\tb\nc");
    dump("\\\"\'\?");
    dump("\x41\x42\103\104");
    dump("\a\b\f\v\r");
    dump("\1\12\123");
    dump("\xfe");
    printf("%d\n", (int)strlen("ab\0cd"));
    printf("%d\n", (int)sizeof("ab\0cd"));
    printf("tab[\t] quote[\"] backslash[\\]\n");
    return 0;
}
