/* Run-length encoding and decoding of a string. */
#include <stdio.h>
#include <string.h>

static void encode(const char *s, char *out) {
    while (*s) {
        char c = *s;
        int n = 0;
        while (*s == c) {
            n++;
            s++;
        }
        *out++ = '0' + n;
        *out++ = c;
    }
    *out = 0;
}

static void decode(const char *s, char *out) {
    while (*s) {
        int n = *s++ - '0';
        while (n--)
            *out++ = *s;
        s++;
    }
    *out = 0;
}

int main(void) {
    char enc[64], dec[64];
    encode("aaabccddddde", enc);
    decode(enc, dec);
    printf("%s %s %d\n", enc, dec, strcmp(dec, "aaabccddddde") == 0);
    return 0;
}
