/* Casting a pointer to an integer and back gives the same pointer. */
#include <stdio.h>

int main(void) {
    int x = 42;
    int *p = &x;
    long addr = (long)p;
    int *q = (int *)addr;
    printf("%d\n", *q);
    unsigned long ua = (unsigned long)p;
    printf("%d\n", (int *)ua == p);
    char buf[8];
    long a0 = (long)&buf[0], a5 = (long)&buf[5];
    printf("%ld\n", a5 - a0);
    long words[2];
    printf("%ld\n", (long)&words[1] - (long)&words[0]);
    printf("%d\n", (long)(char *)0 == 0);
    printf("%ld\n", addr % (long)sizeof(int));
    return 0;
}
