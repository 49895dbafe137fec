/* gcc's predefined data-model macros: the types they name have the sizes,
   signedness and limits <stdint.h>, <limits.h> and <float.h> promise. */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>
#include <float.h>

#define SIGNED(T) ((T)-1 < (T)0)
#define SHOW(T) printf("%-20s size %d %s\n", #T, (int)sizeof(T), SIGNED(T) ? "signed" : "unsigned")

int main(void)
{
    __SIZE_TYPE__ n = sizeof(long);
    __PTRDIFF_TYPE__ d = &n - &n;
    SHOW(__SIZE_TYPE__); SHOW(__PTRDIFF_TYPE__); SHOW(__INTPTR_TYPE__); SHOW(__UINTPTR_TYPE__);
    SHOW(__INT8_TYPE__); SHOW(__INT16_TYPE__); SHOW(__INT32_TYPE__); SHOW(__INT64_TYPE__);
    SHOW(__UINT8_TYPE__); SHOW(__UINT16_TYPE__); SHOW(__UINT32_TYPE__); SHOW(__UINT64_TYPE__);
    SHOW(__INTMAX_TYPE__); SHOW(__UINTMAX_TYPE__);
    printf("%lu %ld\n", (unsigned long)n, (long)d);
    printf("%d %d %d %d %d %d\n", __CHAR_BIT__, __SIZEOF_SHORT__, __SIZEOF_INT__, __SIZEOF_LONG__,
           __SIZEOF_POINTER__, __SIZEOF_DOUBLE__);
    printf("%d %d %d\n", __SCHAR_MAX__ == SCHAR_MAX, __SHRT_MAX__ == SHRT_MAX, __INT_MAX__ == INT_MAX);
    printf("%d %d\n", __LONG_MAX__ == LONG_MAX, __LONG_LONG_MAX__ == LLONG_MAX);
    printf("%d %d %d\n", __INT64_MAX__ == INT64_MAX, __UINT32_MAX__ == UINT32_MAX, __SIZE_MAX__ == SIZE_MAX);
    printf("%d %d %d %d\n", __FLT_MANT_DIG__, __DBL_MANT_DIG__, __FLT_DIG__, __DBL_DIG__);
    printf("%d %d %d %d\n", __FLT_MAX_EXP__, __DBL_MAX_EXP__, __FLT_MIN_EXP__, __DBL_MIN_10_EXP__);
    printf("%d %d %d\n", __FLT_EPSILON__ == FLT_EPSILON, __DBL_EPSILON__ == DBL_EPSILON, __DBL_MAX__ == DBL_MAX);
    printf("%d %d %d\n", __FLT_MIN__ == FLT_MIN, __DBL_MIN__ == DBL_MIN, __FLT_MAX__ == FLT_MAX);
    printf("%g %g\n", (double)__FLT_EPSILON__, __DBL_EPSILON__);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__LP64__)
    puts("little-endian LP64");
#endif
    return 0;
}
