/* printf returns the number of characters written. */
#include <stdio.h>

int main(void) {
    int n = printf("hello\n");
    int m = printf("%d-%s\n", 12345, "ab");
    int z = printf("%s", "");
    int w = printf("[%10d]\n", 1);
    printf("%d %d %d %d\n", n, m, z, w);
    return n;
}
