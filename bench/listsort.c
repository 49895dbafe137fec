/* listsort.c: merge sorting a singly linked list of malloc'd nodes, a
 * benchmark of pointer chasing, pointer stores through a pointer to the
 * tail's link, and data-dependent branches.
 *
 * Size: n (argv[1], default 2): sorts of one list of 8192 nodes with LCG
 * keys (256 KB: the list stays in a 1 MB cache, so that the benchmark
 * measures code rather than memory latency).  Each sort is a bottom-up
 * merge sort that only relinks nodes (runs of 1, 2, 4, ... merged pass by
 * pass); after it the list is walked to check the order, and every key is
 * replaced by a hash of itself and the node's position, for the next sort.
 * Unit of work: 8192 * 13 (n log2 n) per sort: n * 106496.
 * Prints "checksum: <position-weighted sum of the ids after each sort, mod
 * 2^32>" (-1 if a sort was wrong) and "work:".
 */
#include <stdio.h>
#include <stdlib.h>

#define NODES 8192
#define LOG2_NODES 13

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
    int n = argc > 1 ? atoi(argv[1]) : 2;
    struct node *list = NULL, **tail = &list;
    unsigned int seed = 31337;
    for (int i = 0; i < NODES; i++) {
        struct node *e = malloc(sizeof *e);
        seed = seed * 1664525u + 1013904223u;
        e->key = seed >> 4;
        e->id = i;
        *tail = e;
        tail = &e->next;
    }
    *tail = NULL;
    unsigned int sum = 0;
    int ok = 1;
    for (int round = 0; round < n; round++) {
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
        if (pos != NODES + 1)
            ok = 0;
    }
    while (list) {
        struct node *e = list;
        list = list->next;
        free(e);
    }
    printf("checksum: %ld\n", ok ? (long)sum : -1L);
    printf("work: %ld\n", (long)n * NODES * LOG2_NODES);
    return 0;
}
