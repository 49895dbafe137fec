/* atoi and abs from the standard library. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("%d %d %d\n", atoi("123"), atoi("-45"), atoi("   78xyz"));
    printf("%d %d\n", atoi("+9"), atoi("abc"));
    printf("%d %d %d\n", abs(-5), abs(5), abs(0));
    printf("%d\n", abs(-2147483647));
    printf("%d\n", atoi("2147483647"));
    return abs(-3);
}
