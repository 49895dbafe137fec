/* #ifdef, #ifndef, #else and #endif select code. */
#include <stdio.h>

#define FEATURE_A

int main(void) {
#ifdef FEATURE_A
    printf("A on\n");
#else
    printf("A off\n");
#endif
#ifdef FEATURE_B
    printf("B on\n");
#else
    printf("B off\n");
#endif
#ifndef FEATURE_B
    printf("not B\n");
#endif
#ifdef FEATURE_A
#ifndef FEATURE_C
    printf("A and not C\n");
#endif
#endif
    return 0;
}
