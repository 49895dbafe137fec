/* Nested conditionals associate to the right. */
#include <stdio.h>

static const char *sign(int v) {
    return v < 0 ? "negative" : v == 0 ? "zero" : v < 10 ? "small" : "large";
}

static int grade(int s) {
    return s >= 90 ? 'A' : s >= 80 ? 'B' : s >= 70 ? 'C' : 'F';
}

int main(void) {
    int v;
    for (v = -5; v <= 15; v += 5)
        printf("%d %s\n", v, sign(v));
    printf("%c%c%c%c\n", grade(95), grade(85), grade(72), grade(10));
    int a = 1, b = 0;
    int r = a ? b ? 1 : 2 : 3;
    printf("%d\n", r);
    return 0;
}
