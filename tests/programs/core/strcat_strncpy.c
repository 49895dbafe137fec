/* Building strings with strcat. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[64];
    buf[0] = '\0';
    strcat(buf, "one");
    strcat(buf, ", ");
    strcat(buf, "two");
    printf("%s (%d)\n", buf, (int)strlen(buf));
    char *r = strcat(buf, "");
    printf("%d\n", r == buf);
    int i;
    for (i = 0; i < 3; i++)
        strcat(buf, "!");
    printf("%s\n", buf);
    char part[4];
    strncpy(part, buf, 3);
    part[3] = 0;
    printf("%s\n", part);
    return 0;
}
