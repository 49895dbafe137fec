/* Static initializers holding addresses of globals, of array elements,
   of functions and of string literals. */
#include <stdio.h>

int table[5] = {10, 20, 30, 40, 50};
int *third = &table[2];
int *past = table + 5;
const char *greeting = "hello";
const char *greetings[] = {"hi", "hey", "yo"};
static int twice(int x) { return 2 * x; }
int (*fp)(int) = twice;
struct ref { const char *label; int *target; } refs[2] = {{"first", &table[0]}, {"last", &table[4]}};

int main(void) {
    printf("%d %ld\n", *third, (long)(past - table));
    printf("%s %s\n", greeting, greetings[2]);
    printf("%d\n", fp(21));
    printf("%s=%d %s=%d\n", refs[0].label, *refs[0].target, refs[1].label, *refs[1].target);
    static int *local_ptr = &table[1];
    printf("%d\n", *local_ptr);
    return 0;
}
