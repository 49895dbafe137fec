/* sizeof on struct, union, enum, function-pointer, float and array types. */
#include <stdio.h>

struct s { char c; double d; };
union u { int i; char c[5]; };
enum e { X, Y };
typedef int (*fp)(int);

int main(void) {
    printf("%d %d %d\n", (int)sizeof(struct s), (int)sizeof(union u), (int)sizeof(enum e));
    printf("%d %d %d\n", (int)sizeof(fp), (int)sizeof(float), (int)sizeof(double));
    printf("%d %d\n", (int)sizeof(struct s[3]), (int)sizeof(int[2][5]));
    struct s arr[4];
    printf("%d %d\n", (int)sizeof arr, (int)sizeof arr[1].d);
    return 0;
}
