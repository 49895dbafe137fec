/* register is accepted as a hint and otherwise ignored. */
#include <stdio.h>

static int sum_to(register int n) {
    register int s = 0;
    register int i;
    for (i = 1; i <= n; i++)
        s += i;
    return s;
}

int main(void) {
    register long acc = 0;
    int k;
    for (k = 0; k < 4; k++)
        acc += sum_to(k * 10);
    printf("%ld\n", acc);
    return 0;
}
