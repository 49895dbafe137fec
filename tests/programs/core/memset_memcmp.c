/* memset fills bytes; memcmp compares bytes as unsigned char. */
#include <stdio.h>
#include <string.h>

static int sgn(int v) { return (v > 0) - (v < 0); }

int main(void) {
    int a[4];
    memset(a, 0, sizeof a);
    printf("%d %d\n", a[0], a[3]);
    memset(a, 0xff, sizeof a);
    printf("%d\n", a[2]);
    memset(a, 1, sizeof a);
    printf("%d\n", a[1]);
    char s[8];
    memset(s, 'x', 7);
    s[7] = 0;
    printf("%s\n", s);
    printf("%d %d %d\n", sgn(memcmp("abc", "abd", 3)), sgn(memcmp("abc", "abd", 2)),
           sgn(memcmp("\xff", "\x01", 1)));
    printf("%d\n", memcmp(s, s, 0));
    return 0;
}
