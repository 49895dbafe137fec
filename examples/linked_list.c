/* linked_list.c: a singly linked list on the heap: nodes made with malloc,
 * linked through a self-referential struct, reversed in place, and freed.
 * (Uses structs, so it needs the whole language.)
 *
 *   pvm run examples/linked_list.c
 */
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

static struct node *push(struct node *head, int value)
{
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        printf("out of memory\n");
        exit(1);
    }
    n->value = value;
    n->next = head;
    return n;
}

static void print_list(const char *label, const struct node *n)
{
    printf("%s:", label);
    for (; n != NULL; n = n->next)
        printf(" %d", n->value);
    printf("\n");
}

static struct node *reverse(struct node *n)
{
    struct node *prev = NULL;
    while (n != NULL) {
        struct node *next = n->next;
        n->next = prev;
        prev = n;
        n = next;
    }
    return prev;
}

int main(void)
{
    struct node *list = NULL;
    int i;
    for (i = 1; i <= 8; i++)
        list = push(list, i * i);
    print_list("pushed", list);
    list = reverse(list);
    print_list("reversed", list);
    long sum = 0;
    while (list != NULL) {
        struct node *next = list->next;
        sum += list->value;
        free(list);
        list = next;
    }
    printf("sum of squares 1..8 = %ld\n", sum);
    return 0;
}
