/* <stdio.h>: buffered FILE streams over file descriptors, and printf.
 *
 * stdout is line-buffered when it is a terminal and fully buffered
 * otherwise, stderr is unbuffered, as glibc does; exit() flushes them all.
 * The FILE structure is visible only so stdio.c and printf.c can share it:
 * programs use the functions. */
#ifndef _STDIO_H
#define _STDIO_H

#ifndef _PVM_SIZE_T
#define _PVM_SIZE_T
typedef unsigned long size_t;
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif
#ifndef _PVM_VA_LIST
#define _PVM_VA_LIST
#ifdef __pvm__
typedef char *__pvm_va_list;
#else
typedef __builtin_va_list __pvm_va_list;
#endif
#endif
#ifndef _PVM_SSIZE_T
#define _PVM_SSIZE_T
typedef long ssize_t;
#endif

typedef long fpos_t;
typedef long off_t;

struct __pvm_file {
    int fd;                 /* file descriptor, -1 when the slot is free */
    int flags;              /* __F_* below */
    unsigned char *buf;     /* the buffer (NULL until first use) */
    size_t size;            /* its capacity */
    size_t pos;             /* reading: next byte; writing: bytes pending */
    size_t len;             /* reading: bytes valid in buf */
    int ungot;              /* a byte pushed back by ungetc, or -1 */
    int bufmode;            /* _IOFBF, _IOLBF or _IONBF */
};
typedef struct __pvm_file FILE;

#define __F_READ 1          /* opened for reading */
#define __F_WRITE 2         /* opened for writing */
#define __F_APPEND 4
#define __F_EOF 8
#define __F_ERR 16
#define __F_READING 32      /* buf holds read-ahead data */
#define __F_WRITING 64      /* buf holds pending output */
#define __F_OWNBUF 128      /* buf was malloc'd by stdio */

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

#define EOF (-1)
#define BUFSIZ 8192
#define FOPEN_MAX 16
#define FILENAME_MAX 4096
#define L_tmpnam 20
#define TMP_MAX 238328
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *f);
int fclose(FILE *f);
int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);
int fileno(FILE *f);

int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);
char *fgets(char *s, int n, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);

int fseek(FILE *f, long offset, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int fgetpos(FILE *f, fpos_t *pos);
int fsetpos(FILE *f, const fpos_t *pos);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int remove(const char *path);
void perror(const char *s);

/* Commands (stdlib/src/shell.c): a stream to `/bin/sh -c cmd`'s standard
 * output (mode "r") or input ("w"); pclose waits for the command and
 * returns its wait status.  minios only: NULL with errno ENOSYS under a
 * bare `pvm run`. */
FILE *popen(const char *cmd, const char *mode);
int pclose(FILE *f);

int printf(const char *fmt, ...);
int fprintf(FILE *f, const char *fmt, ...);
int dprintf(int fd, const char *fmt, ...);
int sprintf(char *s, const char *fmt, ...);
int snprintf(char *s, size_t n, const char *fmt, ...);
int vprintf(const char *fmt, __pvm_va_list ap);
int vfprintf(FILE *f, const char *fmt, __pvm_va_list ap);
int vdprintf(int fd, const char *fmt, __pvm_va_list ap);
int vsprintf(char *s, const char *fmt, __pvm_va_list ap);
int vsnprintf(char *s, size_t n, const char *fmt, __pvm_va_list ap);
int asprintf(char **sp, const char *fmt, ...);
int vasprintf(char **sp, const char *fmt, __pvm_va_list ap);

int sscanf(const char *s, const char *fmt, ...);
int scanf(const char *fmt, ...);
int fscanf(FILE *f, const char *fmt, ...);
int vsscanf(const char *s, const char *fmt, __pvm_va_list ap);
int vfscanf(FILE *f, const char *fmt, __pvm_va_list ap);

/* Internal, shared by stdio.c, printf.c and exit(). */
size_t __stdio_write(FILE *f, const char *p, size_t n);
void __stdio_init(void);
void __stdio_flush_all(void);

#endif
