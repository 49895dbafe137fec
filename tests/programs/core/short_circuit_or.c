/* || does not evaluate its right operand when the left is true. */
#include <stdio.h>

static int count;

static int val(int v) {
    count++;
    return v;
}

int main(void) {
    int r = val(1) || val(0);
    printf("%d %d\n", r, count);
    r = val(0) || val(0) || val(7) || val(1);
    printf("%d %d\n", r, count);
    int i = 0;
    r = (i++ > 5) || (i++ > 5) || (i++ > 0);
    printf("%d %d\n", r, i);
    r = val(0) || (val(1) && val(0));
    printf("%d %d\n", r, count);
    return 0;
}
