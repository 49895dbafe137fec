/* Reading and writing a local int array. */
#include <stdio.h>

int main(void) {
    int a[10];
    int i;
    for (i = 0; i < 10; i++)
        a[i] = i * 3 + 1;
    int sum = 0;
    for (i = 0; i < 10; i++)
        sum += a[i];
    printf("%d\n", sum);
    a[9] = a[0] + a[1];
    printf("%d %d\n", a[9], a[5]);
    return sum % 100;
}
