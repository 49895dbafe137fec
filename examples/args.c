/* args.c: command-line arguments.  argc counts the program's name and every
 * argument after it; argv[argc] is NULL.  The exit status is the number of
 * arguments, so a shell sees it with `echo $?`.
 *
 *   pvm run examples/args.c one two three
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    int i;
    printf("argc = %d\n", argc);
    for (i = 1; i < argc; i++)
        printf("argv[%d] = \"%s\"\n", i, argv[i]);
    printf("argv[%d] is %s\n", argc, argv[argc] == NULL ? "NULL" : "not NULL");
    return argc - 1;
}
