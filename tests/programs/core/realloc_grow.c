/* realloc keeps the old contents while growing a buffer. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int cap = 2, n = 0;
    int *v = malloc(cap * sizeof(int));
    int i;
    for (i = 0; i < 1000; i++) {
        if (n == cap) {
            cap *= 2;
            v = realloc(v, cap * sizeof(int));
        }
        v[n++] = i * 3;
    }
    long sum = 0;
    for (i = 0; i < n; i++)
        sum += v[i];
    printf("%d %d %ld\n", n, cap, sum);
    v = realloc(v, 4 * sizeof(int));
    printf("%d %d %d %d\n", v[0], v[1], v[2], v[3]);
    free(v);
    char *p = realloc(0, 10);
    p[0] = 'k';
    p[1] = 0;
    printf("%s\n", p);
    free(p);
    return 0;
}
