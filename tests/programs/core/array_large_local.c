/* A large local array on the stack. */
#include <stdio.h>

int main(void) {
    int big[20000];
    int i;
    for (i = 0; i < 20000; i++)
        big[i] = i ^ (i >> 3);
    long sum = 0;
    for (i = 0; i < 20000; i += 7)
        sum += big[i];
    printf("%ld\n", sum);
    printf("%d %d\n", big[0], big[19999]);
    return 0;
}
