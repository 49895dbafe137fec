/* lzcrc.c: compressing generated text with a small LZ77 compressor,
 * decompressing it and checking both with CRC-32 and Adler-32, a benchmark
 * of byte loads and stores, table lookups, shifts and unsigned arithmetic.
 *
 * Size: n (argv[1], default 60000): bytes of input, made a 32 KB block at a
 * time from 24 word fragments and the odd random byte.  Each block is
 * CRC-32'd (table-driven), compressed greedily (a 4096-entry hash table of
 * 4-byte prefixes, matches of 4-131 bytes within 64 KB), Adler-32'd,
 * decompressed and CRC-32'd again.
 * Unit of work: one input byte: n.
 * Prints "checksum: <compressed size * 2^32 + (the blocks' CRC-32s
 * combined, xor the Adler-32 of all compressed blocks)>" (-1 if a round
 * trip failed) and
 * "work: <n>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 32768

static unsigned int crc_table[256];
static int head[4096];

static const char *frags[24] = {
    "the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog ",
    "and ", "then ", "runs ", "away ", "from ", "a ", "very ", "small ",
    "cat, ", "which ", "sleeps. ", "It ", "is ", "not ", "amused ", "\n",
};

static unsigned int crc32(unsigned int crc, const unsigned char *p, int len)
{
    crc = ~crc;
    for (int i = 0; i < len; i++)
        crc = crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static unsigned int adler32(unsigned int adler, const unsigned char *p, int len)
{
    unsigned int a = adler & 0xffff, b = adler >> 16;
    for (int i = 0; i < len; i++) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

static unsigned int load32(const unsigned char *p)
{
    return p[0] | (unsigned int)p[1] << 8 | (unsigned int)p[2] << 16 | (unsigned int)p[3] << 24;
}

/* Literal runs are a byte 0..127 (run length - 1) and the bytes; a match is
 * a byte 128 + (length - 4) and a 2-byte little-endian distance. */
static int compress(const unsigned char *in, int len, unsigned char *out)
{
    int o = 0, lit = 0, i = 0;
    memset(head, 0, sizeof head);
    while (i < len) {
        int mlen = 0, dist = 0;
        if (i + 4 <= len) {
            unsigned int v = load32(in + i);
            unsigned int h = (v * 2654435761u) >> 20;
            int cand = head[h] - 1;
            head[h] = i + 1;
            if (cand >= 0 && i - cand < 65536 && load32(in + cand) == v) {
                mlen = 4;
                while (mlen < 131 && i + mlen < len && in[cand + mlen] == in[i + mlen])
                    mlen++;
                dist = i - cand;
            }
        }
        if (mlen == 0) {
            lit++;
            i++;
            if (lit == 128 || i == len) {
                out[o++] = (unsigned char)(lit - 1);
                memcpy(out + o, in + i - lit, lit);
                o += lit;
                lit = 0;
            }
            continue;
        }
        if (lit) {
            out[o++] = (unsigned char)(lit - 1);
            memcpy(out + o, in + i - lit, lit);
            o += lit;
            lit = 0;
        }
        out[o++] = (unsigned char)(128 + mlen - 4);
        out[o++] = (unsigned char)(dist & 0xff);
        out[o++] = (unsigned char)(dist >> 8);
        i += mlen;
    }
    return o;
}

static int decompress(const unsigned char *in, int len, unsigned char *out)
{
    int o = 0, i = 0;
    while (i < len) {
        int tag = in[i++];
        if (tag < 128) {
            memcpy(out + o, in + i, tag + 1);
            o += tag + 1;
            i += tag + 1;
        } else {
            int dist = in[i] | in[i + 1] << 8, mlen = tag - 128 + 4;
            i += 2;
            for (int k = 0; k < mlen; k++, o++)      /* the copy may overlap itself */
                out[o] = out[o - dist];
        }
    }
    return o;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 60000;
    for (unsigned int i = 0; i < 256; i++) {
        unsigned int c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    unsigned char *in = malloc(BLOCK + 16), *packed = malloc(BLOCK + BLOCK / 64 + 16);
    unsigned char *back = malloc(BLOCK + 16);
    unsigned int seed = 1, crc = 0, adler = 1;
    long total = 0, ok = 1;
    for (int done = 0; done < n;) {
        int len = 0, want = n - done < BLOCK ? n - done : BLOCK;
        while (len < want) {
            seed = seed * 1664525u + 1013904223u;
            unsigned int r = seed >> 16;
            if ((r & 63) == 0) {
                in[len++] = (unsigned char)(r >> 6);
                continue;
            }
            const char *f = frags[(r >> 6) % 24];
            while (*f && len < want)
                in[len++] = (unsigned char)*f++;
        }
        unsigned int block_crc = crc32(0, in, len);
        crc = crc * 31 + block_crc;
        int plen = compress(in, len, packed);
        adler = adler32(adler, packed, plen);
        int blen = decompress(packed, plen, back);
        if (blen != len || crc32(0, back, blen) != block_crc)
            ok = 0;
        total += plen;
        done += len;
    }
    free(in);
    free(packed);
    free(back);
    printf("checksum: %ld\n", ok ? total * 4294967296L + (crc ^ adler) : -1L);
    printf("work: %d\n", n);
    return 0;
}
