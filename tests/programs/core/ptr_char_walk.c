/* Walking a string with a char pointer. */
#include <stdio.h>

static int count_char(const char *s, char c) {
    int n = 0;
    for (; *s; s++)
        if (*s == c)
            n++;
    return n;
}

static int my_strlen(const char *s) {
    const char *p = s;
    while (*p)
        p++;
    return (int)(p - s);
}

int main(void) {
    const char *text = "the quick brown fox jumps over the lazy dog";
    printf("%d\n", count_char(text, 'o'));
    printf("%d\n", count_char(text, ' '));
    printf("%d\n", my_strlen(text));
    printf("%d\n", my_strlen(""));
    const char *p = text;
    while (*p && *p != 'q')
        p++;
    printf("%s\n", p);
    return 0;
}
