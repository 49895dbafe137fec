/* typedef'd function pointer and function types. */
#include <stdio.h>

typedef int (*binop)(int, int);
typedef int unop_fn(int);

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static int neg(int a) { return -a; }

static int fold(binop f, const int *v, int n, int init) {
    int i;
    for (i = 0; i < n; i++)
        init = f(init, v[i]);
    return init;
}

static int twice(unop_fn *f, int x) { return f(f(x)); }

int main(void) {
    int v[5] = {1, 2, 3, 4, 5};
    printf("%d %d\n", fold(add, v, 5, 0), fold(mul, v, 5, 1));
    binop ops[2] = {add, mul};
    printf("%d\n", ops[1](6, 7));
    printf("%d\n", twice(neg, 8));
    return 0;
}
