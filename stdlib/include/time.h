/* <time.h>: the time and clock system calls. */
#ifndef _TIME_H
#define _TIME_H

#ifndef _PVM_SIZE_T
#define _PVM_SIZE_T
typedef unsigned long size_t;
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif

typedef long time_t;
typedef long clock_t;

/* clock() counts microseconds, as glibc's does. */
#define CLOCKS_PER_SEC 1000000L

time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t end, time_t start);

#endif
