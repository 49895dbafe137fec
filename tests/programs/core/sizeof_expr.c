/* sizeof on expressions: the operand is not evaluated. */
#include <stdio.h>

int main(void) {
    int i = 0;
    int n = sizeof(i++);
    printf("%d %d\n", n, i);
    int arr[10];
    printf("%d %d\n", (int)sizeof arr, (int)(sizeof arr / sizeof arr[0]));
    int *p = arr;
    printf("%d %d\n", (int)sizeof p, (int)sizeof *p);
    char buf[33];
    printf("%d\n", (int)sizeof buf);
    long grid[3][5];
    printf("%d %d %d\n", (int)sizeof grid, (int)sizeof grid[0], (int)sizeof grid[0][0]);
    printf("%d\n", (int)sizeof "abc");
    printf("%d\n", (int)sizeof(i + 1L));
    printf("%d\n", (int)sizeof(char) + (int)sizeof(short));
    arr[0] = 1;
    return (int)sizeof(arr[0]);
}
