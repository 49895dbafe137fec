/* The usual arithmetic conversions decide the type of a mixed expression. */
#include <stdio.h>

int main(void) {
    int i = -1;
    unsigned int u = 1;
    long l = -1;
    unsigned long ul = 1;
    printf("%u\n", i + u);
    printf("%d\n", (int)sizeof(i + u));
    printf("%ld\n", l + u);
    printf("%d\n", (int)sizeof(l + u));
    printf("%lu\n", i + ul);
    printf("%d\n", (int)sizeof(i + 'a'));
    printf("%u\n", u * i);
    printf("%lu\n", ul * l);
    printf("%d\n", (i + u) > 5u);
    printf("%d\n", (l + u) < 5);
    return 0;
}
