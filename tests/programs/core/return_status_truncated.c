/* Only the low 8 bits of main's return value reach the parent (Linux). */
#include <stdio.h>

int main(void) {
    int v = 256 * 3 + 7;
    printf("%d\n", v);
    return v;
}
