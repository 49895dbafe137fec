/* FNV-1a hashes at 32 and 64 bits. */
#include <stdio.h>

static unsigned int fnv32(const char *s) {
    unsigned int h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static unsigned long fnv64(const char *s) {
    unsigned long h = 14695981039346656037ul;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ul;
    }
    return h;
}

int main(void) {
    printf("%u %lu\n", fnv32(""), fnv64(""));
    printf("%x %lx\n", fnv32("a"), fnv64("a"));
    printf("%x %lx\n", fnv32("foobar"), fnv64("foobar"));
    return 0;
}
