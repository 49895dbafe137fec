/* qsort is stable and calls the comparator in glibc's order; bsearch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { int key; int id; char name[20]; };

static long calls;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    calls++;
    return (x > y) - (x < y);
}

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    calls++;
    return x->key - y->key;
}

static int cmp_str(const void *a, const void *b)
{
    calls++;
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_char(const void *a, const void *b)
{
    return *(const char *)a - *(const char *)b;
}

int main(void)
{
    int a[1000], i, key, sizes[] = {0, 1, 2, 3, 7, 16, 100, 1000};
    unsigned s;
    struct rec recs[300];
    char *strs[] = {"pear", "apple", "fig", "banana", "apple", "kiwi", "cherry", "date", "fig"};
    char letters[] = "thequickbrownfoxjumpsoverthelazydog";
    int *found;

    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        srand(s + 1);
        for (i = 0; i < sizes[s]; i++)
            a[i] = rand() % 500 - 250;
        calls = 0;
        qsort(a, (size_t)sizes[s], sizeof a[0], cmp_int);
        printf("n=%d calls=%ld:", sizes[s], calls);
        for (i = 0; i < sizes[s] && i < 30; i++)
            printf(" %d", a[i]);
        for (i = 1; i < sizes[s]; i++)
            if (a[i - 1] > a[i])
                printf(" UNSORTED");
        printf("\n");
    }
    for (i = 0; i < 300; i++) {
        recs[i].key = (i * 7919) % 13;
        recs[i].id = i;
        sprintf(recs[i].name, "rec%d", i);
    }
    calls = 0;
    qsort(recs, 300, sizeof recs[0], cmp_rec);
    printf("calls=%ld\n", calls);
    for (i = 0; i < 300; i += 7)
        printf("%d:%d:%s ", recs[i].key, recs[i].id, recs[i].name);
    printf("\n");
    qsort(strs, 9, sizeof strs[0], cmp_str);
    for (i = 0; i < 9; i++)
        printf("%s ", strs[i]);
    printf("\n");
    qsort(letters, strlen(letters), 1, cmp_char);
    printf("%s\n", letters);

    for (i = 0; i < 1000; i++)
        a[i] = i * 3;
    for (key = -3; key < 40; key += 2) {
        found = bsearch(&key, a, 1000, sizeof a[0], cmp_int);
        printf("%d:%ld ", key, found ? (long)(found - a) : -1L);
    }
    printf("\n%p\n", bsearch(&key, a, 0, sizeof a[0], cmp_int));
    return 0;
}
