/* Fixed-width types from stdint.h and their limit macros. */
#include <stdio.h>
#include <stdint.h>

int main(void) {
    int8_t a = INT8_MIN;
    uint8_t b = UINT8_MAX;
    int16_t c = INT16_MAX;
    uint16_t d = UINT16_MAX;
    int32_t e = INT32_MIN;
    uint32_t f = UINT32_MAX;
    int64_t g = INT64_MAX;
    uint64_t h = UINT64_MAX;
    printf("%d %d %d %d\n", a, b, c, d);
    printf("%d %u\n", e, f);
    printf("%ld %lu\n", (long)g, (unsigned long)h);
    printf("%d %d %d %d\n", (int)sizeof(int8_t), (int)sizeof(int16_t),
           (int)sizeof(int32_t), (int)sizeof(int64_t));
    uint8_t w = 250;
    w += 10;
    printf("%d\n", w);
    intptr_t ip = (intptr_t)&a;
    printf("%d %d\n", (int8_t *)ip == &a, (int)sizeof(uintptr_t));
    return 0;
}
