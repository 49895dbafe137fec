/* continue in a do/while jumps to the condition test. */
#include <stdio.h>

int main(void) {
    int i = 0, odd = 0;
    do {
        i++;
        if (i % 2 == 0)
            continue;
        odd += i;
    } while (i < 10);
    printf("%d %d\n", i, odd);
    int n = 0;
    do {
        n++;
        continue;
    } while (n < 3);
    printf("%d\n", n);
    return 0;
}
