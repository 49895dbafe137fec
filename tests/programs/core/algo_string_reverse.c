/* Reversing strings in place, and words within a sentence. */
#include <stdio.h>
#include <string.h>

static void reverse_range(char *b, char *e) {
    while (b < e) {
        char t = *b;
        *b++ = *e;
        *e-- = t;
    }
}

int main(void) {
    char s[64];
    strcpy(s, "stressed");
    reverse_range(s, s + strlen(s) - 1);
    printf("%s\n", s);
    strcpy(s, "the virtual machine runs");
    reverse_range(s, s + strlen(s) - 1);
    char *w = s, *p;
    for (p = s;; p++) {
        if (*p == ' ' || *p == '\0') {
            reverse_range(w, p - 1);
            if (!*p)
                break;
            w = p + 1;
        }
    }
    printf("%s\n", s);
    return 0;
}
