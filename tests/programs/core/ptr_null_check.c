/* A null pointer compares equal to 0 and is false in a condition. */
#include <stdio.h>

static int *find(int *a, int n, int want) {
    int i;
    for (i = 0; i < n; i++)
        if (a[i] == want)
            return &a[i];
    return 0;
}

int main(void) {
    int a[5];
    int i;
    for (i = 0; i < 5; i++)
        a[i] = i * 3;
    int *hit = find(a, 5, 9);
    int *miss = find(a, 5, 10);
    printf("%d\n", hit != 0);
    printf("%d\n", miss == 0);
    if (hit)
        printf("found %d at %ld\n", *hit, (long)(hit - a));
    if (!miss)
        printf("10 not found\n");
    void *v = 0;
    printf("%d\n", v == 0);
    return 0;
}
