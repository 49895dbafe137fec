/* #include "..." finds a header beside the source; an #ifndef guard makes a
   second inclusion a no-op. */
#include <stdio.h>
#include "core_helpers.h"
#include "core_helpers.h"

int main(void) {
    printf("%d\n", helper_scale(5));
    printf("%d\n", HELPER_BASE);
    return 0;
}
