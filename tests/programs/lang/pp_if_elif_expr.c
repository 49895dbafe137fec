/* #if / #elif / #else with integer constant expressions. */
#include <stdio.h>

#define LEVEL 3
#define FLAGS 0x5

int main(void) {
#if LEVEL > 5
    printf("high\n");
#elif LEVEL > 2
    printf("medium\n");
#else
    printf("low\n");
#endif
#if (FLAGS & 4) && !(FLAGS & 2)
    printf("flag 4 without 2\n");
#endif
#if LEVEL * 2 + 1 == 7 && -1 < 0
    printf("arithmetic ok\n");
#endif
#if UNDEFINED_NAME
    printf("undefined names are 0\n");
#else
    printf("undefined is zero\n");
#endif
#if 0
    this is not compiled at all
#endif
#if (1 ? 2 : 3) == 2 && (10 % 4) == 2 && (1 << 4) == 16
    printf("operators ok\n");
#endif
    return 0;
}
