/* Macros continued over several lines with backslash-newline, and the
   do { } while (0) idiom. */
#include <stdio.h>

#define SWAP(a, b) do { \
        int tmp_ = (a);  \
        (a) = (b);       \
        (b) = tmp_;      \
    } while (0)

#define PRINT_PAIR(x, y) \
    printf("%d %d\n", \
           (x), (y))

int main(void) {
    int p = 1, q = 2;
    if (p < q)
        SWAP(p, q);
    else
        printf("no swap\n");
    PRINT_PAIR(p, q);
    return 0;
}
