/* A variable declared in a for clause is scoped to the loop. */
#include <stdio.h>

int main(void) {
    int i = 42;
    for (int i = 0; i < 3; i++)
        printf("%d ", i);
    printf("\n%d\n", i);
    int total = 0;
    for (int a = 0, b = 10; a < b; a++, b--)
        total += b - a;
    printf("%d\n", total);
    for (int j = 0; j < 2; j++) {
        int i = j * 100;
        printf("%d ", i);
    }
    printf("\n%d\n", i);
    for (long k = 1; k < 100000000000L; k *= 100)
        total++;
    printf("%d\n", total);
    return 0;
}
