/* listsort.c: merge sorting a singly linked list of malloc'd nodes, a
 * benchmark of pointer chasing, pointer stores and data-dependent branches
 * (and of malloc, once per node).
 *
 * Size: n (argv[1], default 20000): nodes, with LCG keys.  The list is
 * sorted by key with a bottom-up merge sort that only relinks nodes (runs
 * of 1, 2, 4, ... merged pass by pass), then every key is replaced by a
 * hash of itself and the node's position, and it is sorted again, three
 * sorts in all; after each the list is walked to check it.
 * Unit of work: n * log2(n) per sort (log2 rounded up): 3 n log2 n.
 * Prints "checksum: <position-weighted sum of the ids after each sort, mod
 * 2^32>" (-1 if a sort was wrong) and "work:".
 */
#include <stdio.h>
#include <stdlib.h>

struct node {
    struct node *next;
    unsigned int key;
    int id;
};

static struct node *sort(struct node *list)
{
    for (int width = 1;; width *= 2) {
        struct node *p = list, *head = NULL, **tail = &head;
        int merges = 0;
        while (p) {
            merges++;
            struct node *q = p;
            int psize = 0, qsize = width;
            while (psize < width && q) {
                psize++;
                q = q->next;
            }
            while (psize > 0 || (qsize > 0 && q)) {
                struct node *e;
                if (psize == 0 || (qsize > 0 && q && q->key < p->key)) {
                    e = q;
                    q = q->next;
                    qsize--;
                } else {
                    e = p;
                    p = p->next;
                    psize--;
                }
                *tail = e;
                tail = &e->next;
            }
            p = q;
        }
        *tail = NULL;
        list = head;
        if (merges <= 1)
            return list;
    }
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 20000;
    if (n < 2)
        n = 2;
    struct node *list = NULL;
    unsigned int seed = 31337;
    for (int i = 0; i < n; i++) {
        struct node *e = malloc(sizeof *e);
        seed = seed * 1664525u + 1013904223u;
        e->key = seed >> 4;
        e->id = i;
        e->next = list;
        list = e;
    }
    unsigned int sum = 0;
    int ok = 1;
    for (int round = 0; round < 3; round++) {
        list = sort(list);
        unsigned int pos = 1;
        for (struct node *e = list; e; e = e->next, pos++) {
            if (e->next && (e->next->key < e->key ||
                            (e->next->key == e->key && e->next->id < e->id && round == 0)))
                ok = 0;
            sum += (unsigned int)e->id * pos;
            e->key = (e->key ^ pos) * 2654435761u;
            e->key ^= e->key >> 13;
        }
        if (pos != (unsigned int)n + 1)
            ok = 0;
    }
    while (list) {
        struct node *e = list;
        list = list->next;
        free(e);
    }
    long log2n = 0;
    while ((1L << log2n) < n)
        log2n++;
    printf("checksum: %ld\n", ok ? (long)sum : -1L);
    printf("work: %ld\n", 3 * (long)n * log2n);
    return 0;
}
