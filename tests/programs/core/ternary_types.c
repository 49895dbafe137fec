/* The result type of ?: follows the usual arithmetic conversions. */
#include <stdio.h>

int main(void) {
    int c = 1;
    printf("%d\n", (int)sizeof(c ? 1 : 2u));
    unsigned int u = 7;
    long r = c ? u : -1L;
    printf("%ld\n", r);
    long s = c ? -1 : 1L;
    printf("%ld\n", s);
    printf("%d\n", (int)sizeof(c ? 'a' : 'b'));
    printf("%d\n", (int)sizeof(c ? 1 : 2L));
    char ch = 'x';
    printf("%d\n", (int)sizeof(c ? ch : ch));
    const char *str = c ? "yes" : "no";
    printf("%s\n", str);
    int *p = 0;
    int v = 4;
    p = c ? &v : 0;
    printf("%d\n", *p);
    return 0;
}
