/* rand/srand: glibc's TYPE_3 additive feedback generator, so a seeded
 * program prints the same numbers under pvm as under gcc+glibc.
 *
 * State: 31 words r[i] = r[i-3] + r[i-31] (mod 2^32); each result is the
 * new word shifted right by one.  Seeding fills the words with the
 * Park-Miller generator (16807 * x mod 2^31-1) and discards 310 results. */
#include <stdlib.h>

#define DEG 31
#define SEP 3

static unsigned int state[DEG];
static int front = SEP;     /* index of the word being updated */
static int rear = 0;        /* index of the word DEG back */
static int seeded;

static int next_word(void)
{
    unsigned int w;
    state[front] += state[rear];
    w = state[front];
    if (++front >= DEG)
        front = 0;
    if (++rear >= DEG)
        rear = 0;
    return (int)(w >> 1);
}

void srandom(unsigned int seed)
{
    int i;
    long word, hi, lo;

    if (seed == 0)
        seed = 1;
    state[0] = seed;
    word = (int)seed;
    for (i = 1; i < DEG; i++) {
        /* 16807 * word % 2147483647 without overflow (Schrage's method),
         * exactly as glibc computes it, negative seeds included. */
        hi = word / 127773;
        lo = word % 127773;
        word = 16807 * lo - 2836 * hi;
        if (word < 0)
            word += 2147483647;
        state[i] = (unsigned int)word;
    }
    front = SEP;
    rear = 0;
    for (i = 0; i < 10 * DEG; i++)
        next_word();
    seeded = 1;
}

long random(void)
{
    if (!seeded)
        srandom(1);
    return next_word();
}

void srand(unsigned int seed)
{
    srandom(seed);
}

int rand(void)
{
    return (int)random();
}
