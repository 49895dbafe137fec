/* Conversions between integers and floating types truncate toward zero. */
#include <stdio.h>

int main(void) {
    double d = 3.99;
    int i = d;
    printf("%d %d %d\n", i, (int)-3.99, (int)0.999);
    long l = (long)1e18;
    printf("%ld\n", l);
    unsigned int u = (unsigned int)4e9;
    printf("%u\n", u);
    double back = 123456789;
    printf("%f\n", back);
    float f = 16777217;
    printf("%.1f\n", f);
    long big = 9007199254740993L;
    double bd = big;
    printf("%.1f\n", bd);
    char c = (char)65.7;
    printf("%c\n", c);
    unsigned long ul = 18446744073709549568ul;
    printf("%.1f\n", (double)ul);
    printf("%lu\n", (unsigned long)1.8e19);
    return 0;
}
