/* memcpy between distinct buffers, memmove between overlapping ones. */
#include <stdio.h>
#include <string.h>

int main(void) {
    int a[5], b[5];
    int i;
    for (i = 0; i < 5; i++)
        a[i] = i * 11;
    memcpy(b, a, sizeof a);
    for (i = 0; i < 5; i++)
        printf("%d ", b[i]);
    printf("\n");
    char s[16];
    strcpy(s, "abcdefghij");
    memmove(s + 2, s, 5);
    printf("%s\n", s);
    strcpy(s, "abcdefghij");
    memmove(s, s + 3, 6);
    printf("%s\n", s);
    long x = 0, y = 0x1122334455667788L;
    memcpy(&x, &y, 4);
    printf("%lx\n", x);
    char *r = memcpy(s, "xy", 2);
    printf("%d %s\n", r == s, s);
    return 0;
}
