/* Integer literal suffixes and the types they give (seen through sizeof). */
#include <stdio.h>

int main(void) {
    printf("%d %d %d %d\n", (int)sizeof(1), (int)sizeof(1u), (int)sizeof(1l), (int)sizeof(1ul));
    printf("%d %d %d\n", (int)sizeof(1ll), (int)sizeof(1ULL), (int)sizeof(1LU));
    printf("%d\n", (int)sizeof(2147483647));
    printf("%d\n", (int)sizeof(2147483648));
    printf("%d\n", (int)sizeof(0x7fffffff));
    printf("%d\n", (int)sizeof(0xffffffff));
    printf("%d\n", (int)sizeof(0x100000000));
    printf("%d\n", 0xffffffff > 0);
    printf("%lu\n", 4294967296ul);
    printf("%llu\n", 18446744073709551615ull);
    printf("%d\n", -1 < 0u);
    return 0;
}
