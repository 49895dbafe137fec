/* return converts the value to the function's return type. */
#include <stdio.h>

static int narrow(long v) { return v; }
static long widen(int v) { return v; }
static unsigned int as_unsigned(int v) { return v; }
static long from_unsigned(unsigned int v) { return v; }
static unsigned long from_negative(int v) { return v; }

int main(void) {
    printf("%d\n", narrow(0x100000005L));
    printf("%ld\n", widen(-2));
    printf("%u\n", as_unsigned(-1));
    printf("%ld\n", from_unsigned(4000000000u));
    printf("%lu\n", from_negative(-1));
    return narrow(256 + 9);
}
