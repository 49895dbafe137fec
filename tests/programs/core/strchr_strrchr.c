/* strchr and strrchr find the first and last occurrence; '\0' is findable. */
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *s = "hello, world";
    const char *p = strchr(s, 'o');
    const char *q = strrchr(s, 'o');
    printf("%ld %ld\n", (long)(p - s), (long)(q - s));
    printf("%d\n", strchr(s, 'z') == 0);
    printf("%ld\n", (long)(strchr(s, '\0') - s));
    printf("%s\n", strchr(s, ','));
    printf("%s\n", strrchr(s, 'l'));
    printf("%d\n", strrchr("", 'a') == 0);
    return 0;
}
