/* strhash.c: hashing generated strings with FNV-1a and djb2 and counting
 * them in an open-addressing hash table, a benchmark of byte loads, 32-bit
 * multiplies and string handling.
 *
 * Size: n (argv[1], default 20000); string i is "key:" followed by the
 * decimal digits of (i * 7919) % (n / 2 + 1), so about half are repeats.
 * Unit of work: one string generated, hashed twice and looked up: n.
 * Prints "checksum: <distinct strings * 2^32 + xor of all hashes>" and
 * "work: <n>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned int fnv1a(const char *s)
{
    unsigned int h = 2166136261u;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    return h;
}

static unsigned int djb2(const char *s)
{
    unsigned int h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static int make_key(char *buf, long v)
{
    char digits[24];
    int n = 0, len = 4;
    memcpy(buf, "key:", 4);
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        buf[len++] = digits[--n];
    buf[len] = '\0';
    return len;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 20000;
    int cap = 1;
    while (cap < 2 * n)
        cap *= 2;
    char **table = calloc(cap, sizeof(char *));
    unsigned int mix = 0;
    long distinct = 0;
    int i;
    char key[32];
    for (i = 0; i < n; i++) {
        int len = make_key(key, (long)i * 7919 % (n / 2 + 1));
        unsigned int h = fnv1a(key);
        mix ^= h ^ djb2(key);
        unsigned int slot = h & (cap - 1);
        while (table[slot] && strcmp(table[slot], key) != 0)
            slot = (slot + 1) & (cap - 1);
        if (!table[slot]) {
            table[slot] = malloc(len + 1);
            strcpy(table[slot], key);
            distinct++;
        }
    }
    for (i = 0; i < cap; i++)
        free(table[i]);
    free(table);
    printf("checksum: %ld\n", distinct * 4294967296L + mix);
    printf("work: %d\n", n);
    return 0;
}
