/* bintrees.c: the binary-trees benchmark of the Computer Language Benchmarks
 * Game: many perfect binary trees built with malloc, walked and freed, a
 * benchmark of the allocator and of pointer chasing.
 *
 * Size: n (argv[1], default 10): the maximum tree depth (at least 6).  One
 * long-lived tree of depth n stays allocated while, for each depth d = 4,
 * 6, ..., n, 2^(n - d + 4) trees of depth d are built, checked and freed.
 * Unit of work: one node allocated (and later freed).
 * Prints "checksum: <sum of all the node checks>" and "work: <nodes>".
 */
#include <stdio.h>
#include <stdlib.h>

struct node {
    struct node *left, *right;
};

static long allocated;

static struct node *build(int depth)
{
    struct node *n = malloc(sizeof *n);
    allocated++;
    if (depth > 0) {
        n->left = build(depth - 1);
        n->right = build(depth - 1);
    } else {
        n->left = n->right = NULL;
    }
    return n;
}

static long check(const struct node *n)
{
    return n->left ? 1 + check(n->left) + check(n->right) : 1;
}

static void destroy(struct node *n)
{
    if (n->left) {
        destroy(n->left);
        destroy(n->right);
    }
    free(n);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 10;
    int max_depth = n < 6 ? 6 : n;
    long total = 0;
    struct node *stretch = build(max_depth + 1);
    total += check(stretch);
    destroy(stretch);
    struct node *long_lived = build(max_depth);
    int d;
    for (d = 4; d <= max_depth; d += 2) {
        long iterations = 1L << (max_depth - d + 4), i, sum = 0;
        for (i = 0; i < iterations; i++) {
            struct node *t = build(d);
            sum += check(t);
            destroy(t);
        }
        total += sum * d;
    }
    total += check(long_lived);
    destroy(long_lived);
    printf("checksum: %ld\n", total);
    printf("work: %ld\n", allocated);
    return 0;
}
