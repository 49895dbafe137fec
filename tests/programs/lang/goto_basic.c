/* goto jumps forward and backward to labels in the same function. */
#include <stdio.h>

int main(void) {
    int i = 0;
again:
    i++;
    if (i < 5)
        goto again;
    printf("%d\n", i);
    goto skip;
    printf("skipped\n");
skip:
    printf("after skip\n");
    return i;
}
