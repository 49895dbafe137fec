/* Palindromic numbers and strings. */
#include <stdio.h>
#include <string.h>

static int is_pal_str(const char *s) {
    int i = 0, j = (int)strlen(s) - 1;
    while (i < j)
        if (s[i++] != s[j--])
            return 0;
    return 1;
}

static int is_pal_num(unsigned int n) {
    unsigned int r = 0, m = n;
    while (m) {
        r = r * 10 + m % 10;
        m /= 10;
    }
    return r == n;
}

int main(void) {
    printf("%d %d %d\n", is_pal_str("racecar"), is_pal_str("abca"), is_pal_str(""));
    int n, count = 0;
    for (n = 1; n < 10000; n++)
        count += is_pal_num(n);
    printf("%d\n", count);
    return 0;
}
