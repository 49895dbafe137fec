/* __LINE__ inside a macro invocation that spans lines: in an argument it is
 * the line of the __LINE__ token, in the body the line of the macro name. */
#include <stdio.h>
#include <assert.h>
#define SHOW(x) printf("%d %d\n", x, __LINE__)
#define TWICE(a, b) (a + b)
static int at(int line) { return line; }
#define AT() at(__LINE__)
int main(void) {
    SHOW(__LINE__
    );
    SHOW(
        __LINE__);
    printf("%d\n", TWICE(__LINE__,
                         __LINE__));
    SHOW(AT()
    );
    printf("%d\n",
           __LINE__);
    return 0;
}
