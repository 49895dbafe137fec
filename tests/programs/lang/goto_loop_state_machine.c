/* A small state machine written with gotos. */
#include <stdio.h>

static int count_numbers(const char *s) {
    int n = 0;
outside:
    if (!*s) goto done;
    if (*s >= '0' && *s <= '9') { n++; goto inside; }
    s++;
    goto outside;
inside:
    if (!*s) goto done;
    if (*s < '0' || *s > '9') goto outside;
    s++;
    goto inside;
done:
    return n;
}

int main(void) {
    printf("%d\n", count_numbers("a12 b3 45c 6"));
    printf("%d\n", count_numbers(""));
    printf("%d\n", count_numbers("none"));
    return 0;
}
