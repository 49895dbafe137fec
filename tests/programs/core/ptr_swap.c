/* Swapping through pointers, at several types. */
#include <stdio.h>

static void swap_int(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}

static void swap_long(long *a, long *b) {
    long t = *a;
    *a = *b;
    *b = t;
}

static void swap_str(const char **a, const char **b) {
    const char *t = *a;
    *a = *b;
    *b = t;
}

int main(void) {
    int x = 1, y = 2;
    swap_int(&x, &y);
    printf("%d %d\n", x, y);
    long p = 1L << 40, q = -3;
    swap_long(&p, &q);
    printf("%ld %ld\n", p, q);
    const char *s = "first", *t = "second";
    swap_str(&s, &t);
    printf("%s %s\n", s, t);
    int arr[2];
    arr[0] = 7; arr[1] = 9;
    swap_int(arr, arr + 1);
    printf("%d %d\n", arr[0], arr[1]);
    return 0;
}
