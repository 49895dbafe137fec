/* A * width or precision takes its value from an int argument. */
#include <stdio.h>

int main(void) {
    int w;
    for (w = 1; w <= 4; w++)
        printf("[%*d]\n", w, w);
    printf("[%-*d]\n", 6, 3);
    printf("[%*d]\n", -6, 3);
    printf("[%.*d]\n", 4, 9);
    printf("[%*s] [%.*s]\n", 5, "ab", 3, "abcdef");
    printf("[%*.*s]\n", 6, 2, "xyz");
    return 0;
}
