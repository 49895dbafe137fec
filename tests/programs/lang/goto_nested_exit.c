/* goto out of nested loops, and goto-based cleanup. */
#include <stdio.h>
#include <stdlib.h>

static int find(int target, int *ri, int *rj) {
    int i, j;
    for (i = 0; i < 10; i++)
        for (j = 0; j < 10; j++)
            if (i * j == target)
                goto found;
    return 0;
found:
    *ri = i;
    *rj = j;
    return 1;
}

static int work(int fail_at) {
    int status = -1;
    char *a = malloc(10), *b = NULL;
    if (fail_at == 1)
        goto out_a;
    b = malloc(20);
    if (fail_at == 2)
        goto out_b;
    status = 0;
out_b:
    free(b);
out_a:
    free(a);
    return status;
}

int main(void) {
    int i = -1, j = -1;
    printf("%d", find(56, &i, &j));
    printf(" %d %d\n", i, j);
    printf("%d %d %d\n", work(0), work(1), work(2));
    return 0;
}
