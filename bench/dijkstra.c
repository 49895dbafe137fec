/* dijkstra.c: shortest paths on a weighted grid with Dijkstra's algorithm
 * and a binary heap of structs, a benchmark of a priority queue (sifting
 * by pointer arithmetic, struct swaps), neighbour indexing and branches.
 *
 * Size: n (argv[1], default 3): queries on one 96 x 96 grid whose cells
 * cost 1-9 to enter (from an LCG, with a few walls of cost 60).  Query q
 * runs from one pseudo-random cell until another is settled; the heap
 * holds {distance, cell} pairs and may hold stale ones (lazy deletion).
 * Unit of work: one cell settled, over all queries (printed as work).
 * Prints "checksum: <sum of the distances found * 2^20 + heap pushes,
 * mod 2^20>" and "work:".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIDE 96
#define CELLS (SIDE * SIDE)

struct item {
    int dist;
    int cell;
};

static unsigned char cost[CELLS];
static int dist[CELLS];
static unsigned char done[CELLS];
static struct item heap[4 * CELLS + 2];         /* 1-based; a cell is pushed <= 4 times */
static int size;

static void push(int d, int cell)
{
    struct item *h = heap;
    int i = ++size;
    while (i > 1 && h[i / 2].dist > d) {
        h[i] = h[i / 2];
        i /= 2;
    }
    h[i].dist = d;
    h[i].cell = cell;
}

static struct item pop(void)
{
    struct item top = heap[1], last = heap[size--];
    struct item *p = heap + 1, *end = heap + size;
    for (;;) {
        long ci = 2 * (p - heap);
        if (ci > size)
            break;
        struct item *c = heap + ci;
        if (c < end && c[1].dist < c[0].dist)
            c++;
        if (c->dist >= last.dist)
            break;
        *p = *c;
        p = c;
    }
    *p = last;
    return top;
}

int main(int argc, char **argv)
{
    static const int step[4] = {1, -1, SIDE, -SIDE};
    int n = argc > 1 ? atoi(argv[1]) : 3;
    unsigned int seed = 77;
    for (int i = 0; i < CELLS; i++) {
        seed = seed * 1664525u + 1013904223u;
        cost[i] = (unsigned char)(1 + (seed >> 24) % 9);
        if ((i / SIDE) % 20 == 10 && (seed >> 8) % 16 != 0)
            cost[i] = 60;                       /* a wall with gaps */
    }
    long total = 0, pushes = 0, settled = 0;
    for (int q = 0; q < n; q++) {
        seed = seed * 1664525u + 1013904223u;
        int from = (int)(seed >> 8) % CELLS;
        seed = seed * 1664525u + 1013904223u;
        int to = (int)(seed >> 8) % CELLS;
        for (int i = 0; i < CELLS; i++)
            dist[i] = 1 << 30;
        memset(done, 0, sizeof done);
        size = 0;
        dist[from] = 0;
        push(0, from);
        while (size) {
            struct item it = pop();
            int u = it.cell;
            if (done[u])
                continue;                       /* a stale entry */
            done[u] = 1;
            settled++;
            if (u == to)
                break;
            int x = u % SIDE, y = u / SIDE;
            for (int k = 0; k < 4; k++) {
                if ((k == 0 && x == SIDE - 1) || (k == 1 && x == 0) ||
                    (k == 2 && y == SIDE - 1) || (k == 3 && y == 0))
                    continue;
                int v = u + step[k], d = it.dist + cost[v];
                if (!done[v] && d < dist[v]) {
                    dist[v] = d;
                    push(d, v);
                    pushes++;
                }
            }
        }
        total += dist[to];
    }
    printf("checksum: %ld\n", (total << 20) + (pushes & 0xfffff));
    printf("work: %ld\n", settled);
    return 0;
}
