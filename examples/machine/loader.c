/* A tiny kernel that loads programs and runs them in their own address spaces.
 *
 *     pvm build examples/primes.c -o primes.pvm
 *     pvm build examples/recursion.c -o recursion.pvm
 *     pvm run examples/machine/loader.c primes.pvm recursion.pvm
 *
 * Each argument is a command line, "prog.pvm arg1 arg2 ...", run as a process.
 * For each bytecode file named on its command line it reads the file (in
 * kernel mode SYSCALL is a hypercall: its stdio reaches the host's files),
 * asks the machine to verify and load it (MODLOAD), builds a page table
 * for it (text executable, constants read-only, data, bss, heap and a stack
 * writable, an unmapped guard page below the stack), has the machine write
 * the program's initial memory through that table, and starts it in user
 * mode.  The timer preempts them round robin; their system calls (write,
 * sbrk, isatty, exit) arrive as traps, and pointers they pass are
 * translated page by page.  Each program's output is what `pvm run` of the
 * same file prints.  The kernel itself runs on physical addresses.
 */
#include <pvm/machine.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#define NPROC 4
#define USTACK_TOP 0x4000000L          /* where a program's stack starts: 64 MiB */
#define USTACK_PAGES 64                /* 256 KiB, mapped at exec */
#define HEAP_LIMIT (USTACK_TOP - (USTACK_PAGES + 1) * PAGE_SIZE)
#define NFRAMES 4096                   /* 16 MiB of physical frames */

struct proc {
    int used, alive;
    long pagetable;                    /* physical address of its root table */
    long module;                       /* MODLOAD's handle */
    long heap_base, brk;               /* its heap: pages mapped when first touched */
    long ticks, faults;                /* timer interrupts and page faults it took */
    struct trapframe tf;               /* where it goes on */
    char name[32];
};

static struct proc procs[NPROC];
static int current = -1, nalive;
static char kernel_stack[65536];
static char *frames;                   /* the frame pool, page-aligned */
static int next_frame;

/* ---- physical frames and page tables ------------------------------------- */
static long alloc_frame(void) {
    if (next_frame == NFRAMES) {
        printf("loader: out of frames\n");
        exit(1);
    }
    char *f = frames + (long)next_frame++ * PAGE_SIZE;
    memset(f, 0, PAGE_SIZE);
    return (long)f;
}

/* The leaf entry for va in the table at root, made (with its tables) if absent. */
static long *walk(long root, long va, int make) {
    long *table = (long *)root;
    for (int level = 2; level > 0; level--) {
        long *pte = &table[(va >> (PAGE_SHIFT + 9 * level)) & 511];
        if (!(*pte & PTE_P)) {
            if (!make)
                return 0;
            *pte = alloc_frame() | PTE_P;
        }
        table = (long *)(*pte & PTE_ADDR_MASK);
    }
    return &table[(va >> PAGE_SHIFT) & 511];
}

static void map_range(long root, long start, long end, long flags) {
    for (long va = start & ~(PAGE_SIZE - 1); va < end; va += PAGE_SIZE)
        *walk(root, va, 1) = alloc_frame() | flags | PTE_P | PTE_U;
}

/* The kernel's (physical) address of user address va, or 0 if unmapped. */
static char *user_address(struct proc *p, long va, long need) {
    long *pte = va > 0 ? walk(p->pagetable, va, 0) : 0;
    if (!pte || (*pte & (need | PTE_P | PTE_U)) != (need | PTE_P | PTE_U))
        return 0;
    return (char *)((*pte & PTE_ADDR_MASK) + (va & (PAGE_SIZE - 1)));
}

/* ---- exec --------------------------------------------------------------------- */
static char *read_file(const char *path, long *size) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    long cap = 65536, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        long got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        cap *= 2;
        buf = realloc(buf, cap);
    }
    fclose(f);
    *size = n;
    return buf;
}

static long modload(struct pvm_image *img) {
    long h;
    asm volatile("modload %0, %1" : "=r"(h) : "r"(img));
    return h;
}

static void modfree(long h) {
    asm volatile("modfree %0" : : "r"(h));
}

/* exec a command line: "prog.pvm arg1 arg2" (words separated by spaces) */
static int exec(struct proc *p, const char *command) {
    char words[256], *argv_k[9];
    int argc = 0;
    strncpy(words, command, sizeof words - 1);
    words[sizeof words - 1] = 0;
    for (char *w = strtok(words, " "); w && argc < 8; w = strtok(0, " "))
        argv_k[argc++] = w;
    if (argc == 0)
        return -1;
    const char *path = argv_k[0];
    long size;
    char *bytes = read_file(path, &size);
    if (!bytes) {
        printf("loader: cannot read %s\n", path);
        return -1;
    }
    struct pvm_image img = {0};
    img.image = (long)bytes;
    img.size = size;
    long h = modload(&img);                  /* verify it and learn its layout */
    if (h < 0) {
        printf("loader: %s is not a program (error %ld)\n", path, -h);
        return -1;
    }
    p->pagetable = alloc_frame();
    long text_pages_end = (img.text_end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);  /* shared with rodata */
    map_range(p->pagetable, img.text_base, text_pages_end, PTE_X);
    map_range(p->pagetable, text_pages_end, img.data_base, 0);
    map_range(p->pagetable, img.data_base, img.heap_base, PTE_W);
    map_range(p->pagetable, USTACK_TOP - USTACK_PAGES * PAGE_SIZE, USTACK_TOP, PTE_W);
    img.pagetable = p->pagetable;            /* again: now write its memory through the table */
    modload(&img);
    modfree(h);                              /* the second load took a second reference */
    free(bytes);
    /* argv at the top of its stack: the strings, then the array of pointers */
    long at = USTACK_TOP, av[9];
    for (int i = argc - 1; i >= 0; i--) {
        at -= strlen(argv_k[i]) + 1;
        strcpy(user_address(p, at, 0), argv_k[i]);     /* one page: strings are short */
        av[i] = at;
    }
    av[argc] = 0;
    long argv = (at - 8 * (argc + 1)) & ~15;
    memcpy(user_address(p, argv, 0), av, 8 * (argc + 1));
    p->module = h;
    p->heap_base = p->brk = img.heap_base;
    p->tf.pc = img.entry;
    p->tf.fp = argv;
    p->tf.status = STATUS_PREV_USER | STATUS_PREV_IE | STATUS_START;
    p->tf.slimit = USTACK_TOP - USTACK_PAGES * PAGE_SIZE;
    p->tf.module = h;
    p->tf.a[0] = argc;
    p->tf.a[1] = argv;
    strncpy(p->name, path, sizeof p->name - 1);
    p->used = p->alive = 1;
    nalive++;
    return 0;
}

/* ---- scheduling ------------------------------------------------------------------- */
static void run(struct proc *p) {
    current = p - procs;
    long root = p->pagetable;
    asm volatile("csrw #6, %0" : : "r"(root));           /* CSR_PTBR: its address space */
    asm volatile("iret %0" : : "r"(&p->tf));
}

/* The next live process after the current one (round robin), or power off. */
static void schedule(void) {
    if (nalive == 0) {
        for (int i = 0; i < NPROC; i++)
            if (procs[i].used)
                fprintf(stderr, "loader: %s took %ld timer interrupts and %ld page faults\n",
                        procs[i].name, procs[i].ticks, procs[i].faults);
        fflush(stdout);
        *POWER_HALT = 0;
    }
    for (int i = 1; i <= NPROC; i++) {
        struct proc *p = &procs[(current + i) % NPROC];
        if (p->alive)
            run(p);
    }
}

/* ---- system calls ------------------------------------------------------------------- */
static long sys_write(struct proc *p, long fd, long buf, long n) {
    if (fd != 1 && fd != 2)
        return -9;                                       /* EBADF */
    for (long done = 0; done < n;) {                     /* page by page */
        char *k = user_address(p, buf + done, 0);
        long chunk = PAGE_SIZE - ((buf + done) & (PAGE_SIZE - 1));
        if (!k)
            return -14;                                  /* EFAULT */
        if (chunk > n - done)
            chunk = n - done;
        fwrite(k, 1, chunk, fd == 1 ? stdout : stderr);
        done += chunk;
    }
    return n;
}

/* sbrk only moves the break: a heap page gets its frame when first touched
 * (demand paging, in trap() below). */
static long sys_sbrk(struct proc *p, long increment) {
    long old = p->brk, new = old + increment;
    if (new < p->heap_base || new > HEAP_LIMIT)
        return -12;                                      /* ENOMEM */
    p->brk = new;
    return old;
}

/* A fault on a heap page below the break: map it; IRET runs the faulting
 * instruction again.  Returns 0 if the fault is the program's own. */
static int demand_page(struct proc *p, long va) {
    if (va < p->heap_base || va >= p->brk || walk(p->pagetable, va, 0) && (*walk(p->pagetable, va, 0) & PTE_P))
        return 0;
    map_range(p->pagetable, va, va + 1, PTE_W);
    p->faults++;
    return 1;
}

static void exit_current(long status) {
    struct proc *p = &procs[current];
    if (status)
        printf("loader: %s exited with %ld\n", p->name, status);
    p->alive = 0;
    nalive--;
    modfree(p->module);
    schedule();
}

/* Every trap and interrupt comes here, on the kernel stack. */
void trap(struct trapframe *tf) {
    struct proc *p = &procs[current];
    switch (tf->cause) {
    case CAUSE_SYSCALL:
        switch (tf->a[0]) {
        case SYS_write: tf->ret = sys_write(p, tf->a[1], tf->a[2], tf->a[3]); break;
        case SYS_sbrk:  tf->ret = sys_sbrk(p, tf->a[1]); break;
        case SYS_isatty: tf->ret = 0; break;
        case SYS_exit:  exit_current(tf->a[1]);
        default:        tf->ret = -38;                   /* ENOSYS */
        }
        break;
    case CAUSE_FAULT_READ:
    case CAUSE_FAULT_WRITE:
        if (demand_page(p, tf->value))
            break;
        printf("loader: %s: segmentation fault at %#lx\n", p->name, tf->value);
        exit_current(139);
    case CAUSE_INTERRUPT + IRQ_TIMER:
        p->ticks++;
        p->tf = *tf;                                     /* preempted: the next one runs */
        schedule();
    default:
        printf("loader: %s killed: cause %ld at %#lx (address %#lx)\n",
               p->name, tf->cause, tf->pc, tf->value);
        exit_current(-1);
    }
    asm volatile("iret %0" : : "r"(tf));
}

int main(int argc, char **argv) {
    frames = (char *)(((long)malloc((NFRAMES + 1) * PAGE_SIZE) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1));
    for (int i = 1; i < argc && i <= NPROC; i++)
        exec(&procs[i - 1], argv[i]);
    long handler = (long)trap, kstack = (long)(kernel_stack + sizeof kernel_stack);
    asm volatile("csrw #1, %0" : : "r"(handler));          /* CSR_TVEC */
    long kslimit = (long)kernel_stack;
    asm volatile("csrw #2, %0" : : "r"(kstack));           /* CSR_KSTACK */
    asm volatile("csrw #3, %0" : : "r"(kslimit));          /* CSR_KSLIMIT */
    long timer = 1 << IRQ_TIMER;
    asm volatile("csrw #5, %0" : : "r"(timer));            /* CSR_IMASK */
    *TIMER_INTERVAL = 20000;
    schedule();
    return 1;                                              /* not reached */
}
