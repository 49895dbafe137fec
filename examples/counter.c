/* counter.c: a static local variable lives in the data segment, so it keeps
 * its value from one call to the next; an ordinary local starts afresh.
 *
 *   pvm run examples/counter.c
 */
#include <stdio.h>

static int count_calls(void)
{
    static int calls = 0;
    int fresh = 0;
    calls++;
    fresh++;
    printf("call %d (fresh local is %d)\n", calls, fresh);
    return calls;
}

int main(void)
{
    int i;
    for (i = 0; i < 5; i++)
        count_calls();
    return count_calls() == 6 ? 0 : 1;
}
