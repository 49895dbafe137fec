/* Sorting an array of pointers to structs with a function-pointer comparator. */
#include <stdio.h>

struct emp { const char *name; int salary; };

static int by_salary(const struct emp *a, const struct emp *b) { return a->salary - b->salary; }
static int by_name_len(const struct emp *a, const struct emp *b) {
    int la = 0, lb = 0;
    while (a->name[la]) la++;
    while (b->name[lb]) lb++;
    return la - lb;
}

static void sort(const struct emp **v, int n, int (*cmp)(const struct emp *, const struct emp *)) {
    int i, j;
    for (i = 1; i < n; i++) {
        const struct emp *k = v[i];
        for (j = i - 1; j >= 0 && cmp(v[j], k) > 0; j--)
            v[j + 1] = v[j];
        v[j + 1] = k;
    }
}

int main(void) {
    struct emp staff[4] = {{"alice", 300}, {"bo", 100}, {"carmen", 200}, {"dan", 250}};
    const struct emp *v[4];
    int i;
    for (i = 0; i < 4; i++)
        v[i] = &staff[i];
    sort(v, 4, by_salary);
    for (i = 0; i < 4; i++)
        printf("%s ", v[i]->name);
    printf("\n");
    sort(v, 4, by_name_len);
    for (i = 0; i < 4; i++)
        printf("%s ", v[i]->name);
    printf("\n");
    return 0;
}
