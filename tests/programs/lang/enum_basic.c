/* Enumerations count up from 0 and behave as ints. */
#include <stdio.h>

enum color { RED, GREEN, BLUE, NCOLORS };

static const char *name(enum color c) {
    return c == RED ? "red" : c == GREEN ? "green" : "blue";
}

int main(void) {
    enum color c;
    for (c = RED; c < NCOLORS; c++)
        printf("%d %s\n", c, name(c));
    int as_int = BLUE + 1;
    printf("%d %d\n", as_int, (int)sizeof(enum color));
    return NCOLORS;
}
