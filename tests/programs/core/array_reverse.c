/* Reversing an array in place. */
#include <stdio.h>

static void reverse(int *a, int n) {
    int i = 0, j = n - 1;
    while (i < j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
    }
}

int main(void) {
    int a[7];
    int i;
    for (i = 0; i < 7; i++)
        a[i] = i * i;
    reverse(a, 7);
    for (i = 0; i < 7; i++)
        printf("%d ", a[i]);
    printf("\n");
    reverse(a, 6);
    for (i = 0; i < 7; i++)
        printf("%d ", a[i]);
    printf("\n");
    return 0;
}
