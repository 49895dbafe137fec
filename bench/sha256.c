/* sha256.c: SHA-256 (FIPS 180-4) of a generated message, a benchmark of
 * 32-bit rotates, shifts, xors and adds (64 rounds of eight live words
 * per block), a table of constants and big-endian byte packing.
 *
 * Size: n (argv[1], default 700): 64-byte blocks of message; byte i is
 * (i * 131 + (i >> 10)) mod 256.  The message is hashed with its padding,
 * then its digest is hashed 16 more times (a hash chain).  First, the
 * digest of "abc" is checked against the standard's test vector.
 * Unit of work: one 64-byte block compressed (n + 1 + 16).
 * Prints "checksum: <the final digest's first word * 2^31 + its last word
 * / 2>" (-1 if the test vector failed) and "work:".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned int K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static long blocks;

static void compress(unsigned int h[8], const unsigned char *p)
{
    unsigned int w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (unsigned int)p[4 * i] << 24 | (unsigned int)p[4 * i + 1] << 16 |
               (unsigned int)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        unsigned int s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        unsigned int s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    unsigned int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        unsigned int t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        unsigned int t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    blocks++;
}

/* The digest of len bytes, the message's block i made by fill(block, i) or
 * (fill NULL) taken from msg. */
static void sha256(unsigned int h[8], const unsigned char *msg, long len,
                   void (*fill)(unsigned char *, long))
{
    static const unsigned int init[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    unsigned char block[64];
    memcpy(h, init, sizeof init);
    long i = 0;
    for (; i + 64 <= len; i += 64) {
        if (fill)
            fill(block, i / 64);
        else
            memcpy(block, msg + i, 64);
        compress(h, block);
    }
    long rest = len - i;                         /* < 64 bytes and the padding */
    if (fill)
        fill(block, i / 64);
    else
        memcpy(block, msg + i, rest);
    block[rest] = 0x80;
    memset(block + rest + 1, 0, 63 - rest);
    if (rest >= 56) {
        compress(h, block);
        memset(block, 0, 64);
    }
    unsigned long bits = (unsigned long)len * 8;
    for (int k = 0; k < 8; k++)
        block[63 - k] = (unsigned char)(bits >> (8 * k));
    compress(h, block);
}

static void fill(unsigned char *block, long index)
{
    for (int k = 0; k < 64; k++) {
        long i = index * 64 + k;
        block[k] = (unsigned char)(i * 131 + (i >> 10));
    }
}

int main(int argc, char **argv)
{
    static const unsigned int abc[8] = {0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223,
                                        0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad};
    int n = argc > 1 ? atoi(argv[1]) : 700;
    unsigned int h[8];
    sha256(h, (const unsigned char *)"abc", 3, NULL);
    int ok = 1;
    for (int k = 0; k < 8; k++)
        ok &= h[k] == abc[k];
    blocks = 0;
    sha256(h, NULL, (long)n * 64, fill);
    for (int r = 0; r < 16; r++) {
        unsigned char digest[32];
        for (int k = 0; k < 8; k++) {
            digest[4 * k] = (unsigned char)(h[k] >> 24);
            digest[4 * k + 1] = (unsigned char)(h[k] >> 16);
            digest[4 * k + 2] = (unsigned char)(h[k] >> 8);
            digest[4 * k + 3] = (unsigned char)h[k];
        }
        sha256(h, digest, 32, NULL);
    }
    printf("checksum: %ld\n", ok ? (long)h[0] * 2147483648L + h[7] / 2 : -1L);
    printf("work: %ld\n", blocks);
    return 0;
}
