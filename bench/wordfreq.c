/* wordfreq.c: counting the words of generated English-like text, a chunk
 * at a time as a program reads a file, a benchmark of a tokenizer's byte
 * loads and branches, and an open-addressing table of strings (strcmp,
 * strlen, strcpy, malloc).
 *
 * Size: n (argv[1], default 15000): words of text, made of 1-3 syllables
 * drawn (with a skew) from 16, capitalised after a full stop, separated by
 * spaces, commas, full stops and newlines, written into a 16 KB buffer that
 * is tokenized (lower-cased) and counted whenever it fills up.
 * Unit of work: one word generated, tokenized and counted: n.
 * Prints "checksum: <distinct words * 2^40 + most frequent word's count
 * * 2^20 + (sum of count * length * hash, mod 2^20)>" and "work: <n>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLE 16384                     /* at most 16 + 256 + 4096 distinct words */
#define CHUNK 16384

struct entry {
    char *word;
    unsigned int hash;
    int count;
};

static const char *syllables[16] = {
    "the", "an", "ing", "er", "on", "re", "at", "en",
    "ti", "es", "or", "is", "al", "ar", "ou", "stra",
};

static struct entry table[TABLE];
static long distinct;

static void count_word(const char *w, int len)
{
    unsigned int h = 0x9e3779b9u;
    for (int i = 0; i < len; i++)
        h = ((h << 5) | (h >> 27)) ^ (unsigned char)w[i];
    h *= 0x85ebca6bu;
    h ^= h >> 15;
    unsigned int slot = h & (TABLE - 1);
    while (table[slot].word) {
        if (table[slot].hash == h && strcmp(table[slot].word, w) == 0) {
            table[slot].count++;
            return;
        }
        slot = (slot + 1) & (TABLE - 1);
    }
    table[slot].word = malloc(len + 1);
    strcpy(table[slot].word, w);
    table[slot].hash = h;
    table[slot].count = 1;
    distinct++;
}

/* Splits text into words at anything but a letter, lower-case, and counts them. */
static void tokenize(const char *text)
{
    char word[64];
    int len = 0;
    for (const char *p = text;; p++) {
        int c = (unsigned char)*p;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (c >= 'a' && c <= 'z' && len < 63) {
            word[len++] = (char)c;
        } else {
            if (len) {
                word[len] = '\0';
                count_word(word, len);
                len = 0;
            }
            if (!c)
                return;
        }
    }
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 15000;
    char *text = malloc(CHUNK + 64);
    unsigned int seed = 7;
    int used = 0, capital = 1;
    for (int i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned int r = seed >> 8;
        int nsyl = 1 + (int)(r % 3);
        for (int s = 0; s < nsyl; s++) {
            unsigned int pick = (r >> (2 + 8 * s)) & (r >> (6 + 8 * s)) & 15;
            const char *syl = syllables[pick];
            int l = (int)strlen(syl);
            memcpy(text + used, syl, l);
            if (capital && s == 0)
                text[used] = (char)(text[used] - 'a' + 'A');
            used += l;
        }
        capital = 0;
        unsigned int sep = (r * 2654435761u) >> 27;
        if (sep == 0) {
            text[used++] = '.';
            capital = 1;
        } else if (sep < 3) {
            text[used++] = ',';
        }
        text[used++] = (i % 13 == 12) ? '\n' : ' ';
        if (used >= CHUNK || i == n - 1) {
            text[used] = '\0';
            tokenize(text);
            used = 0;
        }
    }
    free(text);

    long best = 0, mix = 0;
    const char *top = "";
    for (int i = 0; i < TABLE; i++) {
        struct entry *e = &table[i];
        if (!e->word)
            continue;
        mix = (mix + (long)e->count * (long)strlen(e->word) * e->hash) & 0xfffff;
        if (e->count > best || (e->count == best && strcmp(e->word, top) < 0)) {
            best = e->count;
            top = e->word;
        }
    }
    printf("checksum: %ld\n", (distinct << 40) + (best << 20) + mix);
    printf("work: %d\n", n);
    printf("most frequent: %s\n", top);
    for (int i = 0; i < TABLE; i++)
        free(table[i].word);
    return 0;
}
