/* _Bool and stdbool.h: conversion to bool yields 0 or 1. */
#include <stdio.h>
#include <stdbool.h>

static bool is_even(int n) { return n % 2 == 0; }

int main(void) {
    bool t = true, f = false;
    printf("%d %d\n", t, f);
    _Bool b = 42;
    printf("%d\n", b);
    b = 0.5;
    printf("%d\n", b);
    const char *str = "x";
    bool p = str;
    printf("%d %d\n", p, (int)sizeof(bool));
    int count = 0, i;
    for (i = 0; i < 10; i++)
        count += is_even(i);
    printf("%d\n", count);
    b = 256;
    printf("%d\n", b);
    b = b + 1;
    printf("%d\n", b);
    return b + t;
}
