/* minios: exec: replace a process's program with a bytecode file from the
 * disk, the very bytes `pvm run` runs.
 *
 * The machine verifies and loads the file (MODLOAD, <pvm/machine.h>) and
 * tells where its parts go; the kernel builds a fresh address space for
 * them (text executable, constants read-only, data and bss writable, a
 * stack under a guard page), has the machine write the program's memory
 * through it, lays out argv at the top of the stack, and only then, when
 * nothing can fail any more, drops the old address space.  IRET with
 * STATUS_START then starts _start(argc, argv) in user mode.
 */
#include "defs.h"

static long modload(struct pvm_image *img) {
    long h;
    asm volatile("modload %0, %1" : "=r"(h) : "r"(img));
    return h;
}

static int map_range(long root, long start, long end, long flags) {
    for (long va = start & ~(PAGE_SIZE - 1); va < end; va += PAGE_SIZE)
        if (uvm_map(root, va, flags) < 0)
            return -1;
    return 0;
}

/* argv's strings and the array of pointers to them at the top of the new
 * stack (through the kernel's view of its pages); returns the array's
 * user address, or 0 if it does not fit. */
static long push_args(long root, char **argv, long *argc) {
    long at = USTACK_TOP, ptrs[MAXARG + 1];
    int n = 0;
    for (; argv[n]; n++)
        ;
    for (int i = n - 1; i >= 0; i--) {
        long len = strlen(argv[i]) + 1;
        at -= len;
        for (long j = 0; j < len; j++)
            *(char *)uvm_translate(root, at + j, PTE_W) = argv[i][j];
        ptrs[i] = at;
    }
    ptrs[n] = 0;
    at = (at - 8 * (n + 1)) & ~15;
    if (at < USTACK_TOP - 2 * PAGE_SIZE)
        return 0;
    for (int i = 0; i <= n; i++)
        for (int j = 0; j < 8; j++)
            *(char *)uvm_translate(root, at + 8 * i + j, PTE_W) = ((char *)&ptrs[i])[j];
    *argc = n;
    return at;
}

/* The whole of a program's file in a kmalloc'd buffer (its size in *size). */
static char *read_program(char *path, long *size, long *err) {
    begin_op();                                  /* iput may free an unlinked file */
    struct inode *ip = namei(path, err);
    char *bytes = 0;
    if (ip && ip->type != T_FILE)
        *err = ip->type == T_DIR ? -EISDIR : -EACCES;
    else if (ip && !(bytes = kmalloc(ip->size + 1)))
        *err = -ENOMEM;
    else if (ip && readi(ip, 0, (long)bytes, 0, ip->size) != ip->size) {
        kfree_bytes(bytes);
        bytes = 0;
        *err = -EIO;
    }
    if (ip) {
        *size = ip->size;
        iput(ip);
    }
    end_op();
    return bytes;
}

int exec(struct proc *p, char *path, char **argv) {
    if (p != p->group)
        return -EBUSY;                           /* from a thread other than the first: no */
    long size = 0, err = 0;
    char *bytes = read_program(path, &size, &err);
    if (!bytes)
        return err;
    struct pvm_image img;
    memset(&img, 0, sizeof img);
    img.image = (long)bytes;
    img.size = size;
    long h = modload(&img);
    if (h < 0) {                                 /* not a program: -ENOEXEC */
        kfree_bytes(bytes);
        return h;
    }
    module_adopt(h);
    long root = uvm_create(), argc = 0, args = 0;
    long text_end = (img.text_end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);   /* shared with rodata */
    int ok = root &&
        map_range(root, img.text_base, text_end, PTE_X) == 0 &&
        map_range(root, text_end, img.data_base, 0) == 0 &&
        map_range(root, img.data_base, img.heap_base, PTE_W) == 0 &&
        map_range(root, USTACK_TOP - USTACK_SIZE, USTACK_TOP, PTE_W) == 0;
    if (ok) {
        img.pagetable = root;                    /* again: now write its memory through it */
        ok = modload(&img) == h;
        asm volatile("modfree %0" : : "r"(h)); /* that took a second reference */
    }
    if (ok)
        args = push_args(root, argv, &argc);
    kfree_bytes(bytes);
    if (!ok || !args) {
        if (root)
            uvm_free(root);
        module_release(h);
        return ok ? -E2BIG : -ENOMEM;
    }
    /* the point of no return: the old program goes, with its other threads */
    end_threads(p, 0);
    if (p->pagetable)
        uvm_free(p->pagetable);
    if (p->module)
        module_release(p->module);
    p->pagetable = root;
    p->module = h;
    p->heap_base = p->brk = img.heap_base;
    p->entry = img.entry;
    memset(&p->tf, 0, sizeof p->tf);
    p->tf.pc = img.entry;
    p->tf.fp = args;
    p->tf.status = STATUS_PREV_USER | STATUS_PREV_IE | STATUS_START;
    p->tf.slimit = USTACK_TOP - USTACK_SIZE;
    p->tf.module = h;
    p->tf.a[0] = argc;
    p->tf.a[1] = args;
    char *name = path;                           /* ps shows the program's file name */
    for (char *s = path; *s; s++)
        if (*s == '/')
            name = s + 1;
    memset(p->name, 0, sizeof p->name);
    strncpy(p->name, name, sizeof p->name - 1);
    return 0;
}
