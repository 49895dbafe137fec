/* Abstract declarators in casts, sizeof and prototypes; qualifiers and static
 * inside array parameters; backslash-newline inside a token and a string. */
#include <stdio.h>
static int three(void) { return 3; }
static int (*get(int k))(void) { return k ? three : 0; }
int sum(int n, int a[static 3]);
int sum2(int n, int a[const 3]);
int sum3(int n, int a[static const 3]);
int sum4(int n, int a[restrict]);
int sum5(int n, int a[*]);
int sum(int n, int a[static 3]) { return a[0] + a[1] + a[2] + n; }
in\
t spl = 4;
int main(void) {
    int arr[3] = {1, 2, 3};
    int (*pa)[3] = (int (*)[3])&arr;
    int (*(*gp)(int))(void) = (int (*(*)(int))(void))get;
    int (*const cf)(void) = (int (*const)(void))three;
    printf("%d %d %d %d\n", (*pa)[2], gp(1)(), cf(), (int)sizeof(int (*)[3]));
    printf("%d %d %s\n", sum(1, arr), spl, "ab\
cd");
    printf("%d\n", (int)sizeof(void (*(*)(int))(void)));
    return 0;
}
