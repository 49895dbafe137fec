/* A char array used as a string buffer. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[32];
    strcpy(buf, "abc");
    printf("%s %d\n", buf, (int)strlen(buf));
    buf[1] = 'X';
    printf("%s\n", buf);
    buf[3] = 'd';
    buf[4] = '\0';
    printf("%s\n", buf);
    int i;
    for (i = 0; i < 26; i++)
        buf[i] = 'a' + i;
    buf[26] = 0;
    printf("%s\n", buf);
    printf("%d\n", (int)sizeof buf);
    return 0;
}
