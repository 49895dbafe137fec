/* Recursive factorial, in long to reach 20!. */
#include <stdio.h>

static long fact(int n) {
    return n <= 1 ? 1 : n * fact(n - 1);
}

int main(void) {
    int i;
    for (i = 0; i <= 20; i += 4)
        printf("%d! = %ld\n", i, fact(i));
    return (int)(fact(5) % 256);
}
