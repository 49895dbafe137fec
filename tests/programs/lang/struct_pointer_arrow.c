/* -> on pointers to structs, and pointer arithmetic over struct arrays. */
#include <stdio.h>

struct item { int id; short qty; char code; };

int main(void) {
    struct item items[4];
    struct item *p;
    int i;
    for (i = 0; i < 4; i++) {
        items[i].id = 100 + i;
        items[i].qty = (short)(i * 7);
        items[i].code = 'a' + i;
    }
    for (p = items; p < items + 4; p++)
        p->qty += 1;
    p = &items[2];
    printf("%d %d %c\n", p->id, p->qty, p->code);
    printf("%d\n", (p - 1)->id);
    printf("%d\n", (*p).qty);
    struct item **pp = &p;
    (*pp)->code = 'Z';
    printf("%c\n", items[2].code);
    printf("%ld\n", (long)((char *)&items[3] - (char *)&items[0]));
    return 0;
}
