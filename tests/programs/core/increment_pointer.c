/* ++ and -- on pointers step by the size of the pointed-to type. */
#include <stdio.h>

int main(void) {
    long arr[4];
    int i;
    for (i = 0; i < 4; i++)
        arr[i] = (i + 1) * 100;
    long *p = arr;
    printf("%ld\n", *p++);
    printf("%ld\n", *p);
    printf("%ld\n", *++p);
    printf("%ld\n", *p--);
    printf("%ld\n", *p);
    printf("%d\n", (int)((char *)(p + 1) - (char *)p));
    char *s = "hello";
    s++;
    s++;
    printf("%s\n", s);
    return 0;
}
