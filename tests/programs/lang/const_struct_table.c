/* A const table of structs searched by key. */
#include <stdio.h>
#include <string.h>

static const struct { const char *sym; int number; double mass; } elements[] = {
    {"H", 1, 1.008}, {"He", 2, 4.0026}, {"Li", 3, 6.94}, {"C", 6, 12.011},
    {"N", 7, 14.007}, {"O", 8, 15.999}, {"Fe", 26, 55.845},
};

static int find(const char *sym) {
    int i;
    for (i = 0; i < (int)(sizeof elements / sizeof elements[0]); i++)
        if (strcmp(elements[i].sym, sym) == 0)
            return i;
    return -1;
}

int main(void) {
    const char *q[4] = {"O", "Fe", "H", "Xx"};
    int i;
    for (i = 0; i < 4; i++) {
        int k = find(q[i]);
        if (k < 0)
            printf("%s unknown\n", q[i]);
        else
            printf("%s %d %.3f\n", elements[k].sym, elements[k].number, elements[k].mass);
    }
    return 0;
}
