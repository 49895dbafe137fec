/* A queue of structs with head and tail pointers, using malloc and free. */
#include <stdio.h>
#include <stdlib.h>

typedef struct qnode { int v; struct qnode *next; } qnode;
typedef struct { qnode *head, *tail; int size; } queue;

static void enqueue(queue *q, int v) {
    qnode *n = malloc(sizeof *n);
    n->v = v;
    n->next = NULL;
    if (q->tail)
        q->tail->next = n;
    else
        q->head = n;
    q->tail = n;
    q->size++;
}

static int dequeue(queue *q) {
    qnode *n = q->head;
    int v = n->v;
    q->head = n->next;
    if (!q->head)
        q->tail = NULL;
    q->size--;
    free(n);
    return v;
}

int main(void) {
    queue q = {NULL, NULL, 0};
    int i;
    for (i = 1; i <= 5; i++)
        enqueue(&q, i * 11);
    int first = dequeue(&q);
    int second = dequeue(&q);
    printf("%d %d\n", first, second);
    enqueue(&q, 99);
    while (q.size)
        printf("%d ", dequeue(&q));
    printf("\n");
    return 0;
}
