/* A local or parameter hides a global of the same name. */
#include <stdio.h>

int value = 1;

static int get_global(void) { return value; }
static int param_hides(int value) { return value * 2; }

int main(void) {
    int value = 50;
    printf("%d %d %d\n", value, get_global(), param_hides(7));
    value++;
    printf("%d %d\n", value, get_global());
    return 0;
}
