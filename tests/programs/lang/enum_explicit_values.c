/* Enumerators with explicit values, negative ones, and implicit successors. */
#include <stdio.h>

enum codes { OK = 0, WARN = 10, ERR, FATAL = -1, AFTER, BIG = 1 << 20, MASK = BIG - 1 };
enum { ALIAS = WARN + ERR };

int main(void) {
    printf("%d %d %d %d %d\n", OK, WARN, ERR, FATAL, AFTER);
    printf("%d %d %d\n", BIG, MASK, ALIAS);
    int arr[ERR];
    printf("%d\n", (int)(sizeof arr / sizeof arr[0]));
    return ERR;
}
