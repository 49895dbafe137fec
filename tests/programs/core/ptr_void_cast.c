/* void * converts to and from any object pointer without a cast. */
#include <stdio.h>

static void fill(void *dst, int n, int byte) {
    unsigned char *p = dst;
    int i;
    for (i = 0; i < n; i++)
        p[i] = byte;
}

int main(void) {
    int x;
    fill(&x, (int)sizeof x, 0x11);
    printf("%x\n", x);
    long l;
    void *v = &l;
    fill(v, 8, 0xff);
    long *lp = v;
    printf("%ld\n", *lp);
    char buf[4];
    void *b = buf;
    char *c = b;
    c[0] = 'o'; c[1] = 'k'; c[2] = 0;
    printf("%s\n", buf);
    return 0;
}
