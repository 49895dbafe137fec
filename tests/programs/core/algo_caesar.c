/* Caesar cipher: shifting letters, wrapping within the alphabet. */
#include <stdio.h>
#include <string.h>

static void shift(char *s, int k) {
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            *s = 'a' + (*s - 'a' + k + 26) % 26;
        else if (*s >= 'A' && *s <= 'Z')
            *s = 'A' + (*s - 'A' + k + 26) % 26;
    }
}

int main(void) {
    char msg[64];
    strcpy(msg, "Hello, World! xyz");
    shift(msg, 3);
    printf("%s\n", msg);
    shift(msg, -3);
    printf("%s\n", msg);
    shift(msg, 13);
    shift(msg, 13);
    printf("%s\n", msg);
    return 0;
}
