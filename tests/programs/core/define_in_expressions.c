/* Object-like macros expand anywhere a token may appear. */
#include <stdio.h>

#define LOOP_START 1
#define LOOP_END 5
#define STEP 2
#define MASK 0xff
#define SHIFT 4
#define FMT "%d-"
#define OPEN {
#define CLOSE }

int main(void) {
    int i;
    for (i = LOOP_START; i <= LOOP_END; i += STEP)
        printf(FMT, i);
    printf("\n");
    int v = (0x1234 >> SHIFT) & MASK;
    printf("%d\n", v);
    if (v > 0) OPEN
        printf("braces from macros\n");
    CLOSE
    return 0;
}
