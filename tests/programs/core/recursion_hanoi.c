/* Towers of Hanoi: count the moves and print the first few. */
#include <stdio.h>

static int moves;

static void hanoi(int n, char from, char to, char via) {
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to);
    moves++;
    if (moves <= 7)
        printf("move %d: %c -> %c\n", n, from, to);
    hanoi(n - 1, via, to, from);
}

int main(void) {
    hanoi(10, 'A', 'C', 'B');
    printf("%d\n", moves);
    return 0;
}
