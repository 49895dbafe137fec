/* Subtracting pointers gives the element distance (type long). */
#include <stdio.h>

int main(void) {
    int a[10];
    int *p = &a[2], *q = &a[9];
    printf("%ld %ld\n", (long)(q - p), (long)(p - q));
    printf("%d\n", (int)sizeof(q - p));
    char s[20];
    char *b = s, *e = s + 17;
    printf("%ld\n", (long)(e - b));
    long w[5];
    long *w1 = &w[1], *w4 = &w[4];
    printf("%ld\n", (long)(w4 - w1));
    int *end = a + 10;
    printf("%ld\n", (long)(end - a));
    char *str = "hello world";
    char *sp = str;
    while (*sp != ' ')
        sp++;
    printf("%ld\n", (long)(sp - str));
    return (int)(q - p);
}
