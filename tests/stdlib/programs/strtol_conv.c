/* strtol family, atoi, abs/div: values, end pointers and errno. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>

static const char *inputs[] = {
    "0", "42", "-42", "+17", "   \t\n 99xyz", "0x1F", "0X1f", "0x", "0xg", "017", "08", "-0",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "18446744073709551615", "18446744073709551616", "99999999999999999999999", "-1", "",
    "   ", "abc", "z", "Zz", "123abc", "0b101", " -0x10", "2147483648", "-2147483649",
    "4294967296", "  +0x7fffffffffffffff",
};
static const int bases[] = {0, 10, 16, 8, 2, 36};

int main(void)
{
    unsigned i, b;
    char *end;
    long l;
    unsigned long ul;
    div_t d;
    ldiv_t ld;

    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        for (b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            errno = 0;
            l = strtol(inputs[i], &end, bases[b]);
            printf("strtol(\"%s\",%d) = %ld end+%ld errno %d\n", inputs[i], bases[b], l,
                   (long)(end - inputs[i]), errno);
            errno = 0;
            ul = strtoul(inputs[i], &end, bases[b]);
            printf("strtoul = %lu end+%ld errno %d\n", ul, (long)(end - inputs[i]), errno);
            errno = 0;
            printf("strtoll = %lld", strtoll(inputs[i], NULL, bases[b]));
            printf(" errno %d", errno);
            errno = 0;
            printf(" strtoull = %llu", strtoull(inputs[i], NULL, bases[b]));
            printf(" errno %d\n", errno);
        }
        printf("atoi %d atol %ld atoll %lld\n", atoi(inputs[i]), atol(inputs[i]), atoll(inputs[i]));
    }
    printf("%d %d %ld %ld %lld\n", abs(-5), abs(INT_MIN + 1), labs(-7L), labs(LONG_MAX), llabs(-9LL));
    d = div(17, -5);
    ld = ldiv(-17L, 5L);
    printf("%d %d %ld %ld\n", d.quot, d.rem, ld.quot, ld.rem);
    return 0;
}
