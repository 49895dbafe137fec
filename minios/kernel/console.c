/* minios: the console: output byte by byte to the device, input gathered
 * on its interrupt into a buffer that read() takes whole lines from. */
#include "defs.h"

static char buf[CONSOLE_BUF];
static long head, tail;               /* buf[head % N .. tail % N) is unread */
static int eof;                       /* the host's input has ended */

void console_init(void) {
    *CONSOLE_CTRL = CONSOLE_CTRL_RX_IRQ;
    irq_enable(IRQ_CONSOLE);
}

/* Input has ended and every byte of it was read. */
int console_hung_up(void) {
    console_intr();
    return eof && head == tail;
}

void console_putc(int c) {
    *CONSOLE_DATA = c;
}

/* A line (or the end of input) is ready for a reader. */
static int line_ready(void) {
    for (long i = head; i < tail; i++)
        if (buf[i % CONSOLE_BUF] == '\n')
            return 1;
    return eof || tail - head == CONSOLE_BUF;
}

/* Give the reader what is there: up to n bytes, to the end of a line. */
static long take(struct proc *p, long va, long n) {
    long got = 0;
    while (got < n && head < tail) {
        char c = buf[head % CONSOLE_BUF];
        if (copyout(p, va + got, &c, 1) < 0)
            return got ? got : -EFAULT;
        head++;
        got++;
        if (c == '\n')
            break;
    }
    return got;
}

void console_intr(void) {
    while (*CONSOLE_STATUS & CONSOLE_STATUS_RX_READY) {
        long c = *CONSOLE_DATA;
        if (c < 0)
            break;
        if (tail - head < CONSOLE_BUF)
            buf[tail++ % CONSOLE_BUF] = c;
    }
    if (*CONSOLE_STATUS & CONSOLE_STATUS_RX_EOF)
        eof = 1;
    if (line_ready())
        wakeup(buf);                      /* readers try again; the first gets the line */
}

/* read(0, buf, n): a line if one is there, else wait for one. */
long console_read(struct proc *p, long va, long n) {
    if (n <= 0)
        return 0;
    if (!user_writable(p, va, n))          /* checked now: the reply may come much later */
        return -EFAULT;
    console_intr();                       /* what arrived since the last interrupt */
    if (line_ready() && (head < tail || eof))
        return take(p, va, n);
    sleep_on(p, buf);
    return 0;
}

long console_write(struct proc *p, long va, long n) {
    char chunk[256];
    for (long done = 0; done < n;) {
        long k = n - done < 256 ? n - done : 256;
        if (copyin(p, chunk, va + done, k) < 0)
            return done ? done : -EFAULT;
        for (long i = 0; i < k; i++)
            console_putc(chunk[i]);
        done += k;
    }
    return n;
}
