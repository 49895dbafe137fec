/* An array of function pointers: int (*ops[4])(int, int). */
#include <stdio.h>

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int mod(int a, int b) { return a % b; }

int main(void) {
    int (*ops[4])(int, int) = {add, sub, mul, mod};
    const char *names = "+-*%";
    int i;
    for (i = 0; i < 4; i++)
        printf("17 %c 5 = %d\n", names[i], ops[i](17, 5));
    printf("%d\n", (int)(sizeof ops / sizeof ops[0]));
    return 0;
}
