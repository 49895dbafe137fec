/* minios: the file system of part 1, a read-only flat directory on the
 * disk (<pvm/romfs.h>, written by `pvm mkfs`): a superblock, a directory
 * of (name, first sector, size), and each file's bytes from its sector. */
#include "defs.h"

static struct romfs_super super;

int fs_init(void) {
    static char sector[ROMFS_SECTOR];
    if (disk_sectors() == 0 || disk_read(0, sector) < 0)
        return -1;
    memcpy(&super, sector, sizeof super);
    if (memcmp(super.magic, ROMFS_MAGIC, 8) != 0)
        return -1;
    return 0;
}

long fs_nfiles(void) {
    return super.nfiles;
}

/* The entry of a program by name; "/sh" and "/bin/sh" name "sh" too. */
int fs_lookup(const char *path, struct romfs_entry *out) {
    static char sector[ROMFS_SECTOR];
    if (*path == '/')
        path++;
    if (strncmp(path, "bin/", 4) == 0)
        path += 4;
    for (long i = 0; i < super.nfiles; i++) {
        if (i % ROMFS_ENTRIES_PER_SECTOR == 0 &&
            disk_read(super.dir_sector + i / ROMFS_ENTRIES_PER_SECTOR, sector) < 0)
            return -1;
        struct romfs_entry *e = (struct romfs_entry *)sector + i % ROMFS_ENTRIES_PER_SECTOR;
        if (strncmp(e->name, path, sizeof e->name) == 0) {
            *out = *e;
            return 0;
        }
    }
    return -1;
}

/* The whole file into buf (at least e->size bytes). */
int fs_read(struct romfs_entry *e, char *buf) {
    static char sector[ROMFS_SECTOR];
    for (long done = 0; done < e->size; done += ROMFS_SECTOR) {
        long n = e->size - done < ROMFS_SECTOR ? e->size - done : ROMFS_SECTOR;
        if (disk_read(e->first_sector + done / ROMFS_SECTOR, sector) < 0)
            return -1;
        memcpy(buf + done, sector, n);
    }
    return 0;
}
