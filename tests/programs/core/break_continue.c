/* break leaves the innermost loop; continue skips to its next iteration. */
#include <stdio.h>

int main(void) {
    int i, sum = 0;
    for (i = 0; i < 20; i++) {
        if (i % 3 == 0)
            continue;
        if (i > 14)
            break;
        sum += i;
    }
    printf("%d %d\n", sum, i);
    int n = 0;
    while (1) {
        n++;
        if (n < 5)
            continue;
        break;
    }
    printf("%d\n", n);
    return 0;
}
