/* defined(NAME) and defined NAME in #if, with #undef. */
#include <stdio.h>

#define ALPHA
#define BETA 0

int main(void) {
#if defined(ALPHA) && defined BETA
    printf("alpha and beta defined\n");
#endif
#if defined(GAMMA) || !defined(ALPHA)
    printf("wrong\n");
#else
    printf("no gamma\n");
#endif
#undef ALPHA
#ifdef ALPHA
    printf("still alpha\n");
#else
    printf("alpha undefined\n");
#endif
#define ALPHA 2
    printf("%d\n", ALPHA);
#if BETA
    printf("beta is zero so not here\n");
#endif
    return 0;
}
