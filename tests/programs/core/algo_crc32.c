/* Bitwise CRC-32 (the zlib polynomial) of a few strings. */
#include <stdio.h>

static unsigned int crc32(const char *s) {
    unsigned int crc = 0xffffffffu;
    while (*s) {
        int k;
        crc ^= (unsigned char)*s++;
        for (k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
    }
    return ~crc;
}

int main(void) {
    printf("%08x\n", crc32(""));
    printf("%08x\n", crc32("a"));
    printf("%08x\n", crc32("123456789"));
    printf("%08x\n", crc32("The quick brown fox jumps over the lazy dog"));
    return 0;
}
