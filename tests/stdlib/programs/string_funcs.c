/* <string.h>: every function, edge cases included. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static int sign(int x) { return x < 0 ? -1 : x > 0; }

int main(void)
{
    char buf[64], big[256];
    char *p, *save;
    const char *words[] = {"", "a", "abc", "abd", "ab", "ABC", "\xff", "\x01"};
    int i, j;

    printf("%zu %zu %zu\n", strlen(""), strlen("hello"), strnlen("hello", 3));
    strcpy(buf, "hello");
    strcat(buf, ", world");
    printf("%s|%zu\n", buf, strlen(buf));
    strncat(buf, "!!!???", 3);
    printf("%s\n", buf);
    memset(big, 'x', sizeof big);
    strncpy(big, "abc", 6);
    printf("%d %d %d %d %c\n", big[2], big[3], big[4], big[5], big[6]);
    strncpy(big, "abcdefgh", 4);
    printf("%.8s\n", big);
    for (i = 0; i < 8; i++)
        for (j = 0; j < 8; j++)
            printf("%d%d%d ", sign(strcmp(words[i], words[j])),
                   sign(strncmp(words[i], words[j], 2)), sign(memcmp(words[i], words[j], 1)));
    printf("\n%d %d %d\n", strcmp("abc", "abd"), strcmp("b", "a"), strncmp("abcx", "abcy", 3));
    printf("%s|%s|%p\n", strchr("hello", 'l'), strrchr("hello", 'l'), (void *)strchr("hello", 'z'));
    printf("%s|%s\n", strchr("hello", 0) - 5, strrchr("hello", 'h'));
    printf("%s|%s|%p|%s\n", strstr("haystack needle hay", "needle"), strstr("abc", ""),
           (void *)strstr("abc", "abcd"), strstr("aaab", "aab"));
    printf("%zu %zu %s\n", strspn("aabbcx", "ab"), strcspn("hello world", " w"), strpbrk("hello", "lo"));
    memcpy(buf, "0123456789", 11);
    memmove(buf + 2, buf, 5);
    printf("%s\n", buf);
    memcpy(buf, "0123456789", 11);
    memmove(buf, buf + 3, 5);
    printf("%s\n", buf);
    p = memchr("abcdef", 'd', 6);
    printf("%s %p\n", p, (void *)memchr("abcdef", 'z', 6));
    memset(buf, 0, sizeof buf);
    memset(buf, 'q', 5);
    printf("%s\n", buf);
    p = strdup("duplicate me");
    printf("%s %d\n", p, p != NULL);
    free(p);
    p = strndup("truncate me", 5);
    printf("%s\n", p);
    free(p);
    strcpy(big, "  the quick,, brown fox ;jumps ");
    for (p = strtok(big, " ,;"); p; p = strtok(NULL, " ,;"))
        printf("[%s]", p);
    printf("\n");
    strcpy(big, "a=1&b=2&&c=3");
    for (p = strtok_r(big, "&", &save); p; p = strtok_r(NULL, "&", &save))
        printf("<%s>", p);
    printf("\n");
    printf("%d %d %d\n", sign(strcasecmp("HeLLo", "hello")), sign(strcasecmp("a", "B")),
           sign(strncasecmp("abcD", "ABCe", 3)));
    for (i = 0; i < 42; i++)
        printf("%s|", strerror(i));
    printf("%s|", strerror(200));
    printf("%s\n", strerror(-3));
    return 0;
}
