/* <stdio.h> streams: buffered FILEs over file descriptors.
 *
 * A stream's buffer holds either read-ahead data (__F_READING: bytes
 * pos..len not yet consumed) or pending output (__F_WRITING: bytes 0..pos
 * not yet written), never both; switching direction flushes or discards.
 * stdin/stdout/stderr live in static storage; fopen'd streams are
 * malloc'd and kept on a list so exit() can flush them all.  End of file is
 * sticky, as in glibc since 2.28: once seen, reads return EOF until
 * clearerr, fseek or ungetc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#define STREAM_BUF 4096     /* glibc sizes buffers by st_blksize: 4096 */

/* Under pvm a copy is one MEMCPY instruction rather than a call. */
#ifdef __pvm__
#define COPY(d, s, n) __builtin_memmove(d, s, n)
#else
#define COPY(d, s, n) memcpy(d, s, n)
#endif

struct open_file {
    FILE file;
    struct open_file *next;
};

static FILE std_files[3];
static unsigned char stdin_buf[STREAM_BUF];
static unsigned char stdout_buf[STREAM_BUF];
static struct open_file *open_files;
static int initialised;

FILE *stdin;
FILE *stdout;
FILE *stderr;

static void init_file(FILE *f, int fd, int flags, unsigned char *buf, size_t size, int mode)
{
    f->fd = fd;
    f->flags = flags;
    f->buf = buf;
    f->size = size;
    f->pos = 0;
    f->len = 0;
    f->ungot = -1;
    f->bufmode = mode;
}

void __stdio_init(void)
{
    if (initialised)
        return;
    initialised = 1;
    init_file(&std_files[0], 0, __F_READ, stdin_buf, STREAM_BUF, _IOFBF);
    init_file(&std_files[1], 1, __F_WRITE, stdout_buf, STREAM_BUF,
              isatty(1) ? _IOLBF : _IOFBF);
    init_file(&std_files[2], 2, __F_WRITE, NULL, 0, _IONBF);
    stdin = &std_files[0];
    stdout = &std_files[1];
    stderr = &std_files[2];
}

/* ---- output */

static int write_all(FILE *f, const unsigned char *p, size_t n)
{
    long w;
    while (n > 0) {
        w = write(f->fd, p, n);
        if (w <= 0) {
            f->flags |= __F_ERR;
            return EOF;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int flush_output(FILE *f)
{
    size_t n = f->pos;
    if (!(f->flags & __F_WRITING))
        return 0;
    f->pos = 0;
    f->flags &= ~__F_WRITING;
    return write_all(f, f->buf, n);
}

/* Forgets read-ahead data, moving the descriptor's offset back to where
 * the program has actually read up to. */
static void drop_input(FILE *f)
{
    long unread;
    if (!(f->flags & __F_READING))
        return;
    unread = (long)(f->len - f->pos) + (f->ungot >= 0 ? 1 : 0);
    if (unread > 0)
        lseek(f->fd, -unread, SEEK_CUR);
    f->pos = f->len = 0;
    f->ungot = -1;
    f->flags &= ~__F_READING;
}

static int ensure_buffer(FILE *f)
{
    if (f->buf)
        return 0;
    if (f->size == 0)
        f->size = STREAM_BUF;
    f->buf = malloc(f->size);
    if (!f->buf) {
        f->bufmode = _IONBF;
        f->size = 0;
        return -1;
    }
    f->flags |= __F_OWNBUF;
    return 0;
}

/* Appends to the buffer, flushing whenever it fills. */
static size_t buffer_output(FILE *f, const char *p, size_t n)
{
    size_t done = 0, room, chunk;
    while (done < n) {
        if (f->pos == 0 && n - done >= f->size) {
            /* A block at least as big as the buffer goes straight out. */
            if (write_all(f, (const unsigned char *)p + done, n - done))
                return done;
            return n;
        }
        room = f->size - f->pos;
        chunk = n - done < room ? n - done : room;
        COPY(f->buf + f->pos, p + done, chunk);
        f->pos += chunk;
        f->flags |= __F_WRITING;
        done += chunk;
        if (f->pos == f->size && flush_output(f))
            return done;
    }
    return n;
}

/* Writes n bytes to f: the one output path every stdio writer uses.
 * Returns how many were accepted. */
size_t __stdio_write(FILE *f, const char *p, size_t n)
{
    size_t i, head;

    /* The common case: buffered output that fits. */
    if (f->bufmode == _IOFBF && (f->flags & __F_WRITING) && n <= f->size - f->pos) {
        COPY(f->buf + f->pos, p, n);
        f->pos += n;
        if (f->pos < f->size)
            return n;
        return flush_output(f) ? 0 : n;
    }
    if (!(f->flags & __F_WRITE)) {
        f->flags |= __F_ERR;
        errno = EBADF;
        return 0;
    }
    drop_input(f);
    if (f->bufmode != _IONBF && ensure_buffer(f))
        f->bufmode = _IONBF;
    if (f->bufmode == _IONBF) {
        if (flush_output(f) || write_all(f, (const unsigned char *)p, n))
            return 0;
        return n;
    }
    if (f->bufmode == _IOLBF) {
        /* Output up to the last newline goes out now; the rest waits. */
        for (i = n; i > 0; i--)
            if (p[i - 1] == '\n')
                break;
        if (i > 0) {
            head = buffer_output(f, p, i);
            if (head < i || flush_output(f))
                return head;
            return head + buffer_output(f, p + i, n - i);
        }
    }
    return buffer_output(f, p, n);
}

int fflush(FILE *f)
{
    int r = 0;
    if (!f) {
        __stdio_flush_all();
        return 0;
    }
    if (f->flags & __F_WRITING)
        r = flush_output(f);
    else if (f->flags & __F_READING)
        drop_input(f);
    return r;
}

void __stdio_flush_all(void)
{
    struct open_file *o;
    int i;
    if (!initialised)
        return;
    for (i = 0; i < 3; i++)
        flush_output(&std_files[i]);
    for (o = open_files; o; o = o->next)
        flush_output(&o->file);
}

int fputc(int c, FILE *f)
{
    char ch = (char)c;
    if (f->bufmode == _IOFBF && (f->flags & __F_WRITING) && f->pos < f->size) {
        f->buf[f->pos++] = (unsigned char)ch;
        return (unsigned char)ch;
    }
    if (__stdio_write(f, &ch, 1) != 1)
        return EOF;
    return (unsigned char)ch;
}

int putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }

int fputs(const char *s, FILE *f)
{
    size_t n = strlen(s);
    if (__stdio_write(f, s, n) != n)
        return EOF;
    return 1;
}

/* Returns the count written, capped at INT_MAX, as glibc's does. */
int puts(const char *s)
{
    size_t n = strlen(s);
    if (__stdio_write(stdout, s, n) != n || fputc('\n', stdout) == EOF)
        return EOF;
    return n + 1 > 2147483647 ? 2147483647 : (int)(n + 1);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    size_t total = size * n;
    if (total == 0)
        return 0;
    return __stdio_write(f, p, total) / size;
}

/* ---- input */

/* Refills the buffer; returns the number of bytes now available (0 at end
 * of file or on error, which set the flags). */
static size_t fill(FILE *f)
{
    long got;
    size_t want;

    if (!(f->flags & __F_READ)) {
        f->flags |= __F_ERR;
        errno = EBADF;
        return 0;
    }
    if (f->flags & __F_WRITING)
        if (flush_output(f))
            return 0;
    /* As on a terminal: a prompt written to stdout shows before we wait. */
    if (f == stdin && stdout && stdout->bufmode == _IOLBF)
        flush_output(stdout);
    if (ensure_buffer(f))
        return 0;
    want = f->bufmode == _IONBF ? 1 : f->size;
    if (want > f->size)
        want = f->size;
    got = read(f->fd, f->buf, want);
    f->pos = 0;
    f->len = got > 0 ? (size_t)got : 0;
    f->flags |= __F_READING;
    if (got == 0)
        f->flags |= __F_EOF;
    else if (got < 0)
        f->flags |= __F_ERR;
    return f->len;
}

int fgetc(FILE *f)
{
    int c;
    if (f->ungot >= 0) {
        c = f->ungot;
        f->ungot = -1;
        return c;
    }
    if ((f->flags & __F_READING) && f->pos < f->len)
        return f->buf[f->pos++];
    if (f->flags & __F_EOF)
        return EOF;
    if (fill(f) == 0)
        return EOF;
    return f->buf[f->pos++];
}

int getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }

int ungetc(int c, FILE *f)
{
    if (c == EOF)
        return EOF;
    if ((f->flags & __F_READING) && f->pos > 0 && f->ungot < 0) {
        f->buf[--f->pos] = (unsigned char)c;
    } else if (f->ungot < 0) {
        if (f->flags & __F_WRITING)
            flush_output(f);
        f->flags |= __F_READING;
        f->ungot = (unsigned char)c;
    } else {
        return EOF;
    }
    f->flags &= ~__F_EOF;
    return (unsigned char)c;
}

char *fgets(char *s, int n, FILE *f)
{
    int i = 0, c;
    size_t avail, k;
    unsigned char *p;

    if (n <= 0)
        return NULL;
    while (i < n - 1) {
        if (f->ungot < 0 && (f->flags & __F_READING) && f->pos < f->len) {
            /* Copy straight from the buffer up to a newline. */
            avail = f->len - f->pos;
            if (avail > (size_t)(n - 1 - i))
                avail = (size_t)(n - 1 - i);
            p = f->buf + f->pos;
            for (k = 0; k < avail; k++) {
                s[i++] = (char)p[k];
                if (p[k] == '\n') {
                    k++;
                    break;
                }
            }
            f->pos += k;
            if (s[i - 1] == '\n')
                break;
            continue;
        }
        c = fgetc(f);
        if (c == EOF)
            break;
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    if (i == 0)
        return NULL;
    s[i] = 0;
    return s;
}

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
    size_t n = 0;
    int c;
    char *p;

    if (!line || !cap) {
        errno = EINVAL;
        return -1;
    }
    if (!*line || *cap == 0) {
        *cap = 120;
        *line = malloc(*cap);
        if (!*line)
            return -1;
    }
    for (;;) {
        c = fgetc(f);
        if (c == EOF)
            break;
        if (n + 2 > *cap) {
            p = realloc(*line, *cap * 2);
            if (!p)
                return -1;
            *line = p;
            *cap *= 2;
        }
        (*line)[n++] = (char)c;
        if (c == delim)
            break;
    }
    (*line)[n] = 0;
    if (n == 0)
        return -1;
    return (ssize_t)n;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
    return getdelim(line, cap, '\n', f);
}

size_t fread(void *out, size_t size, size_t n, FILE *f)
{
    unsigned char *dst = out;
    size_t want = size * n, got = 0, chunk;
    long r;

    if (want == 0)
        return 0;
    if (f->ungot >= 0) {
        dst[got++] = (unsigned char)f->ungot;
        f->ungot = -1;
    }
    while (got < want) {
        if ((f->flags & __F_READING) && f->pos < f->len) {
            chunk = f->len - f->pos;
            if (chunk > want - got)
                chunk = want - got;
            memcpy(dst + got, f->buf + f->pos, chunk);
            f->pos += chunk;
            got += chunk;
            continue;
        }
        if (f->flags & __F_EOF)
            break;
        if (want - got >= f->size && f->size > 0 && (f->flags & __F_READ)
            && !(f->flags & __F_WRITING)) {
            /* Large reads bypass the buffer. */
            r = read(f->fd, dst + got, want - got);
            if (r <= 0) {
                f->flags |= r == 0 ? __F_EOF : __F_ERR;
                break;
            }
            got += (size_t)r;
            continue;
        }
        if (fill(f) == 0)
            break;
    }
    return got / size;
}

/* ---- opening, positioning, closing */

static int parse_mode(const char *mode, int *oflags, int *fflags)
{
    int plus = strchr(mode, '+') != NULL;
    switch (mode[0]) {
    case 'r':
        *oflags = plus ? O_RDWR : O_RDONLY;
        *fflags = plus ? __F_READ | __F_WRITE : __F_READ;
        break;
    case 'w':
        *oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
        *fflags = plus ? __F_READ | __F_WRITE : __F_WRITE;
        break;
    case 'a':
        *oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
        *fflags = (plus ? __F_READ | __F_WRITE : __F_WRITE) | __F_APPEND;
        break;
    default:
        errno = EINVAL;
        return -1;
    }
    if (strchr(mode, 'x'))
        *oflags |= O_EXCL;
    return 0;
}

static FILE *new_stream(int fd, int fflags)
{
    struct open_file *o = malloc(sizeof *o);
    if (!o)
        return NULL;
    init_file(&o->file, fd, fflags, NULL, 0, isatty(fd) ? _IOLBF : _IOFBF);
    o->next = open_files;
    open_files = o;
    return &o->file;
}

FILE *fopen(const char *path, const char *mode)
{
    int oflags, fflags, fd;
    FILE *f;
    if (parse_mode(mode, &oflags, &fflags))
        return NULL;
    fd = open(path, oflags, 0666);
    if (fd < 0)
        return NULL;
    f = new_stream(fd, fflags);
    if (!f)
        close(fd);
    return f;
}

FILE *fdopen(int fd, const char *mode)
{
    int oflags, fflags;
    if (parse_mode(mode, &oflags, &fflags))
        return NULL;
    return new_stream(fd, fflags);
}

FILE *freopen(const char *path, const char *mode, FILE *f)
{
    int oflags, fflags, fd;
    fflush(f);
    close(f->fd);
    if (!path || parse_mode(mode, &oflags, &fflags))
        return NULL;
    fd = open(path, oflags, 0666);
    if (fd < 0)
        return NULL;
    f->fd = fd;
    f->flags = fflags | (f->flags & __F_OWNBUF);
    f->pos = f->len = 0;
    f->ungot = -1;
    return f;
}

int fclose(FILE *f)
{
    struct open_file **link, *o;
    int r = fflush(f);
    if (close(f->fd) < 0)
        r = EOF;
    if (f->flags & __F_OWNBUF)
        free(f->buf);
    f->buf = NULL;
    f->flags = 0;
    f->fd = -1;
    for (link = &open_files; *link; link = &(*link)->next) {
        o = *link;
        if (&o->file == f) {
            *link = o->next;
            free(o);
            break;
        }
    }
    return r;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
        return -1;
    flush_output(f);
    if (f->flags & __F_OWNBUF) {
        free(f->buf);
        f->flags &= ~__F_OWNBUF;
        f->buf = NULL;
    }
    f->bufmode = mode;
    if (buf && size > 0) {
        f->buf = (unsigned char *)buf;
        f->size = size;
    } else if (f->buf == stdin_buf || f->buf == stdout_buf) {
        if (size > 0 && size != STREAM_BUF) {
            f->buf = NULL;
            f->size = size;
        }
    } else {
        f->buf = NULL;
        f->size = size > 0 ? size : STREAM_BUF;
    }
    return 0;
}

void setbuf(FILE *f, char *buf)
{
    setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int fseek(FILE *f, long offset, int whence)
{
    if (f->flags & __F_WRITING)
        if (flush_output(f))
            return -1;
    if ((f->flags & __F_READING) && whence == SEEK_CUR)
        offset -= (long)(f->len - f->pos) + (f->ungot >= 0 ? 1 : 0);
    f->pos = f->len = 0;
    f->ungot = -1;
    f->flags &= ~(__F_READING | __F_EOF);
    if (lseek(f->fd, offset, whence) < 0)
        return -1;
    return 0;
}

long ftell(FILE *f)
{
    long at = lseek(f->fd, 0, SEEK_CUR);
    if (at < 0)
        return -1;
    if (f->flags & __F_READING)
        at -= (long)(f->len - f->pos) + (f->ungot >= 0 ? 1 : 0);
    if (f->flags & __F_WRITING) {
        if (f->flags & __F_APPEND) {
            if (flush_output(f))
                return -1;
            return lseek(f->fd, 0, SEEK_CUR);
        }
        at += (long)f->pos;
    }
    return at;
}

void rewind(FILE *f)
{
    fseek(f, 0, SEEK_SET);
    f->flags &= ~__F_ERR;
}

int fgetpos(FILE *f, fpos_t *pos)
{
    long at = ftell(f);
    if (at < 0)
        return -1;
    *pos = at;
    return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
    return fseek(f, *pos, SEEK_SET);
}

int feof(FILE *f) { return (f->flags & __F_EOF) != 0; }
int ferror(FILE *f) { return (f->flags & __F_ERR) != 0; }
void clearerr(FILE *f) { f->flags &= ~(__F_EOF | __F_ERR); }
int fileno(FILE *f) { return f->fd; }
int remove(const char *path) { return unlink(path); }

void perror(const char *s)
{
    const char *msg = strerror(errno);
    if (s && *s)
        fprintf(stderr, "%s: %s\n", s, msg);
    else
        fprintf(stderr, "%s\n", msg);
}
