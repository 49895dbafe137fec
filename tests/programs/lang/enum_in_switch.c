/* Switching on an enum value. */
#include <stdio.h>

enum op { ADD, SUB, MUL, DIV, NOP };

static int apply(enum op o, int a, int b) {
    switch (o) {
    case ADD: return a + b;
    case SUB: return a - b;
    case MUL: return a * b;
    case DIV: return b ? a / b : 0;
    default: return a;
    }
}

int main(void) {
    enum op o;
    for (o = ADD; o <= NOP; o++)
        printf("%d ", apply(o, 20, 6));
    printf("\n");
    return 0;
}
