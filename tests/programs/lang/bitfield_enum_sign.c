/* A bit-field of an enum type with no negative constant is unsigned (as gcc:
   such an enum is unsigned underneath), one with a negative constant signed;
   also through a typedef. */
#include <stdio.h>
enum colour { RED, GREEN = 200, BLUE };
enum sign { NEG = -1, POS = 1 };
typedef enum { SMALL, LARGE = 7 } size_kind;
struct packed_bits { enum colour c : 8; enum sign s : 2; size_kind k : 3; enum colour full : 32; };
int main(void) {
    struct packed_bits p = { BLUE, NEG, LARGE, GREEN };
    printf("%d %d %d %d %d\n", p.c, p.s, p.k, p.c == BLUE, p.k == LARGE);
    p.c = GREEN; p.s = POS; p.k = SMALL;
    printf("%d %d %d %u %zu\n", p.c, p.s, p.k, p.full, sizeof(enum colour));
    enum colour e = BLUE; int i = e - 202;
    printf("%d %d\n", i, e > 0);
    return 0;
}
