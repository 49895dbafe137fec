/* Object-like macros, including ones defined in terms of others. */
#include <stdio.h>

#define SIZE 8
#define DOUBLE_SIZE (SIZE * 2)
#define GREETING "hi there"
#define NEG -5
#define EMPTY

int main(void) {
    int a[SIZE];
    int i;
    for (i = 0; i < SIZE; i++)
        a[i] = i * DOUBLE_SIZE;
    printf("%d %d\n", a[SIZE - 1], DOUBLE_SIZE);
    printf("%s\n", GREETING);
    printf("%d\n", 10 - NEG);
    EMPTY printf("%d\n", (int)sizeof(a) / SIZE);
    return SIZE;
}
