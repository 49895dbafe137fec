/* return leaves a function from inside nested loops and blocks. */
#include <stdio.h>

static int first_square_over(int limit) {
    int i;
    for (i = 0;; i++) {
        while (1) {
            if (i * i > limit)
                return i;
            break;
        }
    }
}

static void maybe_print(int v) {
    if (v < 0)
        return;
    printf("value %d\n", v);
}

int main(void) {
    printf("%d\n", first_square_over(50));
    printf("%d\n", first_square_over(1000));
    maybe_print(-1);
    maybe_print(3);
    return first_square_over(10);
}
