/* A binary search tree of structs with recursive insert, walk and free. */
#include <stdio.h>
#include <stdlib.h>

struct tree { int key; int count; struct tree *left, *right; };

static struct tree *insert(struct tree *t, int key) {
    if (!t) {
        t = calloc(1, sizeof *t);
        t->key = key;
        t->count = 1;
        return t;
    }
    if (key < t->key)
        t->left = insert(t->left, key);
    else if (key > t->key)
        t->right = insert(t->right, key);
    else
        t->count++;
    return t;
}

static void walk(const struct tree *t) {
    if (!t)
        return;
    walk(t->left);
    printf("%d", t->key);
    if (t->count > 1)
        printf("x%d", t->count);
    printf(" ");
    walk(t->right);
}

static int height(const struct tree *t) {
    if (!t)
        return 0;
    int l = height(t->left), r = height(t->right);
    return 1 + (l > r ? l : r);
}

static void destroy(struct tree *t) {
    if (!t)
        return;
    destroy(t->left);
    destroy(t->right);
    free(t);
}

int main(void) {
    struct tree *root = NULL;
    int keys[12] = {50, 30, 70, 20, 40, 60, 80, 30, 65, 20, 20, 85};
    int i;
    for (i = 0; i < 12; i++)
        root = insert(root, keys[i]);
    walk(root);
    printf("\nheight %d\n", height(root));
    destroy(root);
    return 0;
}
