/* Constant offsets beyond the 64-bit immediate (an index far out of bounds, in
   code that never runs) compile: addresses wrap around at 64 bits. */
#include <stdio.h>
static int table[][8] = {{1, 2, 3}};
struct big { char pad[16]; int x; };
int zero;
int main(void) {
    int got = 0;
    for (int i = 0; i < 3; i++) {
        if (zero)   /* never runs: only compiled */
            got += table[300000000000000000][1] + ((struct big *)0)[400000000000000000].x
                   + (&table[0][0])[-2000000000000000000L];
        got += table[0][i];
    }
    printf("%d\n", got);
    return 0;
}
