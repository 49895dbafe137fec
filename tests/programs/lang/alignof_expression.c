/* _Alignof and __alignof__ of an expression (a GNU extension gcc accepts):
 * the alignment of the expression's type. */
#include <stdio.h>

struct mixed { char c; double d; short s[3]; };

int main(void) {
    int i = 0;
    struct mixed m;
    long table[4];
    char *p = 0;
    printf("%d %d %d %d\n", (int)_Alignof(i), (int)_Alignof(m), (int)_Alignof(table),
           (int)_Alignof(p));
    printf("%d %d %d %d\n", (int)__alignof__(m.c), (int)__alignof__ m.s, (int)__alignof__(*p),
           (int)_Alignof(i + 1.0));
    printf("%d\n", (int)(sizeof(struct mixed) / _Alignof(m.d)));
    return 0;
}
