/* typedef names for structs, including an anonymous struct. */
#include <stdio.h>

typedef struct node {
    int v;
    struct node *next;
} Node;

typedef struct {
    double re, im;
} Complex;

typedef Node *NodePtr;

static Complex mul(Complex a, Complex b) {
    Complex r;
    r.re = a.re * b.re - a.im * b.im;
    r.im = a.re * b.im + a.im * b.re;
    return r;
}

int main(void) {
    Node n2 = {2, NULL};
    Node n1 = {1, &n2};
    NodePtr p;
    for (p = &n1; p; p = p->next)
        printf("%d ", p->v);
    printf("\n");
    Complex a = {1, 2}, b = {3, -1};
    Complex c = mul(a, b);
    printf("%d %d\n", (int)c.re, (int)c.im);
    return 0;
}
