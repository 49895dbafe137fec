/* Right shift of an unsigned value brings in zeros. */
#include <stdio.h>

int main(void) {
    unsigned int u = 0x80000000u;
    printf("%u %u %u\n", u >> 1, u >> 16, u >> 31);
    unsigned int all = 0xffffffffu;
    printf("%x\n", all >> 4);
    unsigned long ul = 0xffffffffffffffffUL;
    printf("%lx\n", ul >> 60);
    printf("%lx\n", ul >> 1);
    unsigned char c = 0xf0;
    printf("%d\n", c >> 4);
    unsigned short s = 0x8000;
    printf("%d\n", s >> 15);
    int k = 3;
    printf("%u\n", 1000u >> k);
    return 0;
}
