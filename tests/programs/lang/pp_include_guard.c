/* A header with an include guard, included twice; #pragma once in another. */
#include <stdio.h>
#include "lang_guarded.h"
#include "lang_guarded.h"
#include "lang_once.h"
#include "lang_once.h"

int main(void) {
    printf("%d %d\n", guarded_value(), ONCE_VALUE);
    return 0;
}
