/* Struct assignment copies every member, arrays included. */
#include <stdio.h>

struct rec {
    char tag;
    int vals[4];
    long total;
};

int main(void) {
    struct rec a, b;
    int i;
    a.tag = 'a';
    a.total = 0;
    for (i = 0; i < 4; i++) {
        a.vals[i] = i + 1;
        a.total += a.vals[i];
    }
    b = a;
    a.vals[0] = 100;
    a.tag = 'z';
    printf("%c %d %d %ld\n", b.tag, b.vals[0], b.vals[3], b.total);
    printf("%c %d\n", a.tag, a.vals[0]);
    struct rec c = b;
    c.total = -1;
    printf("%ld %ld\n", b.total, c.total);
    return 0;
}
