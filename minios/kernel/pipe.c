/* minios: pipes: a PIPESIZE-byte ring between a writing and a reading
 * open file.
 *
 * A reader finding the ring empty, or a writer finding it full, waits
 * (sleep_on, proc.c) and its system call runs again when the other side
 * has done something.  A write larger than the ring is done in steps;
 * p->done counts the bytes of this write already in the ring, so that
 * the call, run again, goes on from there.  A write to a pipe no one can
 * read any more ends the writer with SIGPIPE, as in Unix, so that
 * `producer | head` ends.
 */
#include "defs.h"

#define SIGPIPE 13

int pipealloc(struct file **rf, struct file **wf) {
    struct pipe *pi = kmalloc(sizeof *pi);
    *rf = filealloc();
    *wf = *rf ? filealloc() : 0;
    if (!pi || !*wf) {
        if (pi)
            kfree_bytes(pi);
        if (*rf)
            fileclose(*rf);
        return -ENFILE;
    }
    pi->nread = pi->nwrite = 0;
    pi->readopen = pi->writeopen = 1;
    (*rf)->type = (*wf)->type = FD_PIPE;
    (*rf)->pipe = (*wf)->pipe = pi;
    (*rf)->readable = 1;
    (*wf)->writable = 1;
    return 0;
}

void pipeclose(struct pipe *pi, int writable) {
    if (writable) {
        pi->writeopen = 0;
        wakeup(&pi->nread);            /* readers see the end */
    } else {
        pi->readopen = 0;
        wakeup(&pi->nwrite);           /* writers see no one will read */
    }
    if (!pi->readopen && !pi->writeopen)
        kfree_bytes(pi);
}

long pipewrite(struct pipe *pi, struct proc *p, long va, long n) {
    while (p->done < n) {
        if (!pi->readopen) {
            if (p->done)
                return p->done;
            p->killed = SIGPIPE;
            return -EPIPE;
        }
        long room = PIPESIZE - (pi->nwrite - pi->nread);
        if (room == 0) {
            wakeup(&pi->nread);
            sleep_on(p, &pi->nwrite);
            return 0;
        }
        long at = pi->nwrite % PIPESIZE;
        long k = n - p->done;
        if (k > room)
            k = room;
        if (k > PIPESIZE - at)         /* to the end of the ring; the rest next time round */
            k = PIPESIZE - at;
        if (copyin(p, pi->data + at, va + p->done, k) < 0)
            return p->done ? p->done : -EFAULT;
        pi->nwrite += k;
        p->done += k;
    }
    wakeup(&pi->nread);
    return n;
}

long piperead(struct pipe *pi, struct proc *p, long va, long n) {
    if (n == 0)
        return 0;
    if (pi->nread == pi->nwrite) {
        if (!pi->writeopen)
            return 0;                  /* the end of the data */
        sleep_on(p, &pi->nread);
        return 0;
    }
    long got = 0;
    while (got < n && pi->nread < pi->nwrite) {
        long at = pi->nread % PIPESIZE;
        long k = pi->nwrite - pi->nread;
        if (k > n - got)
            k = n - got;
        if (k > PIPESIZE - at)
            k = PIPESIZE - at;
        if (copyout(p, va + got, pi->data + at, k) < 0)
            return got ? got : -EFAULT;
        pi->nread += k;
        got += k;
    }
    wakeup(&pi->nwrite);
    return got;
}
