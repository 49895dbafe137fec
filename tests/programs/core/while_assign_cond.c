/* An assignment inside a loop condition, the idiom for scanning input. */
#include <stdio.h>

int main(void) {
    const char *s = "a1b2c3";
    char c;
    int letters = 0, digits = 0;
    while ((c = *s++) != '\0') {
        if (c >= '0' && c <= '9')
            digits++;
        else
            letters++;
    }
    printf("%d %d\n", letters, digits);
    int v = 100, n = 0;
    while ((v = v / 3))
        n++;
    printf("%d %d\n", v, n);
    return 0;
}
