/* An if / else if / else chain picks exactly one branch. */
#include <stdio.h>

static const char *classify(int n) {
    if (n < 0)
        return "negative";
    else if (n == 0)
        return "zero";
    else if (n % 2 == 0)
        return "even";
    else
        return "odd";
}

int main(void) {
    int i;
    for (i = -2; i <= 3; i++)
        printf("%d:%s\n", i, classify(i));
    int x = 15, r;
    if (x > 10) {
        r = 1;
    } else {
        r = 2;
    }
    printf("%d\n", r);
    return r + 1;
}
