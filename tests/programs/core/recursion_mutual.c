/* Mutually recursive functions declared with prototypes. */
#include <stdio.h>

static int is_even(unsigned int n);
static int is_odd(unsigned int n);

static int is_even(unsigned int n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned int n) { return n == 0 ? 0 : is_even(n - 1); }

int main(void) {
    unsigned int i;
    for (i = 0; i < 8; i++)
        printf("%u:%d%d ", i, is_even(i), is_odd(i));
    printf("\n%d\n", is_even(1001));
    return 0;
}
