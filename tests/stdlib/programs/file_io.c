/* FILE streams on real files: write, append, read back, seek, tell,
 * ungetc, fread/fwrite, mixed update mode, errors.
 * cwd-tmp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

int main(void)
{
    FILE *f;
    char buf[100];
    int i, c, nums[50], back[50];
    long pos;

    f = fopen("test.txt", "w");
    printf("opened %d\n", f != NULL);
    for (i = 0; i < 5; i++)
        fprintf(f, "line %d: %s\n", i, "some text");
    fputs("no newline at end", f);
    printf("ftell after writes %ld\n", ftell(f));
    printf("fclose %d\n", fclose(f));

    f = fopen("test.txt", "a");
    fputc('!', f);
    fclose(f);

    f = fopen("test.txt", "r");
    while (fgets(buf, sizeof buf, f))
        printf("got: %s", buf);
    printf("\neof %d error %d\n", feof(f), ferror(f));
    rewind(f);
    printf("after rewind eof %d,", feof(f));
    printf(" char %c\n", fgetc(f));
    fseek(f, 5, SEEK_SET);
    c = fgetc(f);
    printf("at 5: %c ftell %ld\n", c, ftell(f));
    ungetc('X', f);
    pos = ftell(f);
    c = fgetc(f);
    printf("ftell after ungetc %ld, reads %c", pos, c);
    printf(" then %c\n", fgetc(f));
    fseek(f, -3, SEEK_END);
    printf("last: %s\n", fgets(buf, sizeof buf, f));
    fseek(f, 10, SEEK_SET);
    fseek(f, 2, SEEK_CUR);
    pos = ftell(f);
    printf("at 12: %ld %c\n", pos, getc(f));
    fclose(f);

    f = fopen("nums.bin", "wb+");
    for (i = 0; i < 50; i++)
        nums[i] = i * i - 7;
    printf("fwrite %zu\n", fwrite(nums, sizeof nums[0], 50, f));
    fseek(f, 0, SEEK_SET);
    memset(back, 0, sizeof back);
    printf("fread %zu\n", fread(back, sizeof back[0], 50, f));
    printf("same %d\n", memcmp(nums, back, sizeof nums) == 0);
    printf("fread at end %zu", fread(back, 4, 1, f));
    printf(" eof %d\n", feof(f));
    fseek(f, 8, SEEK_SET);
    i = 12345;
    fwrite(&i, 4, 1, f);
    fseek(f, 0, SEEK_SET);
    fread(back, 4, 4, f);
    fseek(f, 0, SEEK_END);
    printf("%d %d %d %d size=%ld\n", back[0], back[1], back[2], back[3], ftell(f));
    fclose(f);

    f = fopen("test.txt", "r+");
    fseek(f, 0, SEEK_SET);
    fputs("LINE", f);
    fseek(f, 0, SEEK_SET);
    fgets(buf, sizeof buf, f);
    printf("updated: %s", buf);
    fclose(f);

    f = fopen("does/not/exist.txt", "r");
    printf("missing: %p errno %d %s\n", (void *)f, errno, strerror(errno));
    f = fopen("test.txt", "r");
    c = fputc('x', f);
    printf("write to read-only: %d", c);
    printf(" ferror %d\n", ferror(f));
    clearerr(f);
    printf("ferror after clearerr %d\n", ferror(f));
    fclose(f);
    pos = remove("test.txt") + remove("nums.bin");
    printf("removed %ld, again %d\n", pos, remove("test.txt"));
    return 0;
}
