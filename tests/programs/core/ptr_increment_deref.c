/* *p++, (*p)++, *++p and ++*p differ. */
#include <stdio.h>

int main(void) {
    int a[4];
    a[0] = 10; a[1] = 20; a[2] = 30; a[3] = 40;
    int *p = a;
    int v = *p++;
    printf("%d %d\n", v, *p);
    v = (*p)++;
    printf("%d %d\n", v, a[1]);
    v = *++p;
    printf("%d\n", v);
    v = ++*p;
    printf("%d %d\n", v, a[2]);
    v = *p--;
    printf("%d %d\n", v, *p);
    char s[6];
    char *d = s;
    const char *src = "copy";
    while ((*d++ = *src++))
        ;
    printf("%s\n", s);
    return 0;
}
