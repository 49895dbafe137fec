/* Generating permutations by recursive swapping. */
#include <stdio.h>

static int count;

static void permute(char *s, int k, int n) {
    int i;
    if (k == n) {
        count++;
        if (count <= 6)
            printf("%s\n", s);
        return;
    }
    for (i = k; i < n; i++) {
        char t = s[k]; s[k] = s[i]; s[i] = t;
        permute(s, k + 1, n);
        t = s[k]; s[k] = s[i]; s[i] = t;
    }
}

int main(void) {
    char buf[8];
    buf[0] = 'a'; buf[1] = 'b'; buf[2] = 'c'; buf[3] = 0;
    permute(buf, 0, 3);
    buf[3] = 'd'; buf[4] = 'e'; buf[5] = 'f'; buf[6] = 0;
    count = 0;
    permute(buf, 0, 6);
    printf("%d %s\n", count, buf);
    return 0;
}
