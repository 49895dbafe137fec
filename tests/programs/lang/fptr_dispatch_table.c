/* A table of named commands dispatched through function pointers. */
#include <stdio.h>
#include <string.h>

typedef void (*handler)(int *acc, int arg);

static void h_add(int *acc, int arg) { *acc += arg; }
static void h_mul(int *acc, int arg) { *acc *= arg; }
static void h_neg(int *acc, int arg) { (void)arg; *acc = -*acc; }

static const struct { const char *name; handler fn; } table[] = {
    {"add", h_add}, {"mul", h_mul}, {"neg", h_neg},
};

static int run(const char *name, int *acc, int arg) {
    unsigned i;
    for (i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].name, name) == 0) {
            table[i].fn(acc, arg);
            return 1;
        }
    return 0;
}

int main(void) {
    int acc = 1;
    run("add", &acc, 4);
    run("mul", &acc, 6);
    run("neg", &acc, 0);
    printf("%d %d\n", acc, run("div", &acc, 2));
    return 0;
}
