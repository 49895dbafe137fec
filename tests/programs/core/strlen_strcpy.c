/* strlen, strcpy and strncpy (which pads with NULs and may not terminate). */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[16];
    printf("%d\n", (int)strlen(""));
    printf("%d\n", (int)strlen("hello"));
    strcpy(buf, "world");
    printf("%s %d\n", buf, (int)strlen(buf));
    char *r = strcpy(buf, "x");
    printf("%s %d\n", r, r == buf);
    memset(buf, 'Z', sizeof buf);
    strncpy(buf, "ab", 5);
    printf("%d %d %d %d %c\n", buf[0], buf[2], buf[3], buf[4], buf[5]);
    char src[12];
    strcpy(src, "abcdefgh");
    strncpy(buf, src, 4);
    printf("%c%c%c%c%c\n", buf[0], buf[1], buf[2], buf[3], buf[4]);
    return 0;
}
