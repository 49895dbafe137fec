/* Pointers to pointers: two levels of indirection. */
#include <stdio.h>

static void set_to(int **pp, int *target) {
    *pp = target;
}

int main(void) {
    int a = 1, b = 2;
    int *p = &a;
    int **pp = &p;
    **pp = 10;
    printf("%d\n", a);
    set_to(pp, &b);
    **pp = 20;
    printf("%d %d %d\n", a, b, *p);
    int ***ppp = &pp;
    ***ppp += 5;
    printf("%d\n", b);
    char *words[3];
    words[0] = "zero"; words[1] = "one"; words[2] = "two";
    char **w = words;
    printf("%s %c\n", *(w + 1), **(w + 2));
    return 0;
}
