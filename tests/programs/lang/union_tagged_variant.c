/* A tagged union (variant) processed with a switch on an enum tag. */
#include <stdio.h>

enum kind { K_INT, K_DBL, K_STR };

struct value {
    enum kind kind;
    union { long i; double d; const char *s; } u;
};

static void print_value(struct value v) {
    switch (v.kind) {
    case K_INT: printf("int %ld\n", v.u.i); break;
    case K_DBL: printf("double %.2f\n", v.u.d); break;
    case K_STR: printf("string %s\n", v.u.s); break;
    }
}

int main(void) {
    struct value vals[3];
    vals[0].kind = K_INT; vals[0].u.i = -12345678901L;
    vals[1].kind = K_DBL; vals[1].u.d = 2.71828;
    vals[2].kind = K_STR; vals[2].u.s = "variant";
    int i;
    for (i = 0; i < 3; i++)
        print_value(vals[i]);
    return 0;
}
