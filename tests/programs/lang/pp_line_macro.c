/* __LINE__ expands to the current line; #line changes the numbering. */
#include <stdio.h>

#define HERE __LINE__

int main(void) {
    printf("%d\n", __LINE__);
    printf("%d\n", HERE);
    int a = __LINE__, b = __LINE__;
    printf("%d\n", b - a);
#line 1000
    printf("%d\n", __LINE__);
    printf("%d\n", __LINE__);
    printf("%d\n", __STDC__);
    return 0;
}
