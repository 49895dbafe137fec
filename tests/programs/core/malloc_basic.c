/* malloc'd memory can be written and read back, then freed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    int *a = malloc(100 * sizeof(int));
    if (!a)
        return 1;
    int i;
    for (i = 0; i < 100; i++)
        a[i] = i * i;
    long sum = 0;
    for (i = 0; i < 100; i++)
        sum += a[i];
    printf("%ld\n", sum);
    char *s = malloc(32);
    strcpy(s, "on the heap");
    printf("%s\n", s);
    free(s);
    free(a);
    free(0);
    printf("freed\n");
    return 0;
}
