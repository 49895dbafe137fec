/* sizeof of every integer type and of pointers: LP64 like x86-64 Linux. */
#include <stdio.h>

int main(void) {
    printf("char %d short %d int %d long %d llong %d\n",
           (int)sizeof(char), (int)sizeof(short), (int)sizeof(int),
           (int)sizeof(long), (int)sizeof(long long));
    printf("uchar %d ushort %d uint %d ulong %d ullong %d\n",
           (int)sizeof(unsigned char), (int)sizeof(unsigned short),
           (int)sizeof(unsigned int), (int)sizeof(unsigned long),
           (int)sizeof(unsigned long long));
    printf("char* %d int* %d void* %d long** %d\n", (int)sizeof(char *),
           (int)sizeof(int *), (int)sizeof(void *), (int)sizeof(long **));
    printf("signed char %d short int %d long int %d\n", (int)sizeof(signed char),
           (int)sizeof(short int), (int)sizeof(long int));
    return 0;
}
