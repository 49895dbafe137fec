/* for (;;) with break, and for loops with missing clauses. */
#include <stdio.h>

int main(void) {
    int i = 0;
    for (;;) {
        if (++i >= 7)
            break;
    }
    printf("%d\n", i);
    int j = 0;
    for (; j < 5;)
        j += 2;
    printf("%d\n", j);
    int k;
    for (k = 3; k; )
        k--;
    printf("%d\n", k);
    int n = 0;
    for (; n < 4; n++)
        ;
    printf("%d\n", n);
    return 0;
}
