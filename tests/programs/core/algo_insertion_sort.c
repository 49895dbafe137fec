/* Insertion sort of pseudo-random values. */
#include <stdio.h>

int main(void) {
    int a[40];
    int i, j;
    unsigned int x = 7;
    for (i = 0; i < 40; i++) {
        x = x * 1664525u + 1013904223u;
        a[i] = (int)(x >> 24) - 128;
    }
    for (i = 1; i < 40; i++) {
        int key = a[i];
        for (j = i - 1; j >= 0 && a[j] > key; j--)
            a[j + 1] = a[j];
        a[j + 1] = key;
    }
    for (i = 0; i < 40; i++)
        printf("%d ", a[i]);
    printf("\n");
    return 0;
}
