/* Arguments and return values are converted to the declared narrow types. */
#include <stdio.h>

static char to_char(int v) { return v; }
static unsigned char to_uchar(int v) { return v; }
static short to_short(long v) { return v; }
static int takes_char(char c) { return c; }
static int takes_uchar(unsigned char c) { return c; }

int main(void) {
    printf("%d %d %d\n", to_char(300), to_uchar(300), to_short(70000));
    printf("%d %d\n", to_char(-129), to_uchar(-1));
    printf("%d %d\n", takes_char(200), takes_uchar(-56));
    int v = 1000;
    printf("%d %d\n", takes_char(v), takes_uchar(v));
    return 0;
}
