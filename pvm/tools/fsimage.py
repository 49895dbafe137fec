"""A minios file system image on the host: the disk format of
pvm/abi/minifs.py, read and written in a bytearray.  `pvm mkfs` builds
images with it, `pvm fsck` checks them and `pvm cp` copies files in and out.

    img = Image.new(size=4096, ninodes=256)     # formatted: a root, an empty log
    img.mkdir("/bin")
    img.write_file("/bin/ls", data)             # creates or replaces
    img.mknod("/dev/console", DEV_CONSOLE)
    img.read_file("/bin/ls"), img.listdir("/bin"), list(img.walk())
    img.save("disk.img");  Image.open("disk.img")

The invariants an image keeps (the kernel, minios/kernel/fs.c, keeps them too,
and `pvm fsck` checks them):

- Link counts follow xv6: an inode's nlink is the number of directory
  entries naming it, not counting `.` and `..`.  So a directory has nlink 1
  (its entry in its parent; the root, named by none, has 1 too), making a
  subdirectory does not change its parent's nlink, and a file has one per
  name.  There are no hard links to directories.
- Every directory holds `.` (itself) and `..` (its parent; the root's is
  itself), written first when it is made.  A directory's size is a multiple
  of DIRENT_SIZE; a free entry has inum 0.
- Files have no holes: block i of a file is allocated exactly when
  i < ceil(size / BSIZE); the single-indirect block exactly when the file
  has more than NDIRECT blocks, the double-indirect block (and each of its
  indirect blocks) exactly when some block it maps is in use.  Unused slots
  of an inode or an indirect block are 0.
- The bitmap marks exactly the blocks in use: 0 .. datastart-1 (boot block,
  superblock, log, inodes, bitmap) and every block an allocated inode holds,
  data and indirect; bits of blocks at or past the image's end are 0.
- Inode 0 is never used; an inode is free when its type is 0.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field

from pvm.abi.minifs import (BITS_PER_BLOCK, BSIZE, DINODE, DIRENT, DIRENT_SIZE, DIRSIZ,
                            LOGHEADER, MAXFILE_BLOCKS, NDIRECT, NINDIRECT, ROOTINO, T_DEVICE,
                            T_DIR, T_FILE, DEFAULT_BLOCKS, DEFAULT_INODES, Layout)
from pvm.errors import PvmError

BLOCKNO = struct.Struct("<i")


class FsImageError(PvmError):
    """An operation the image cannot do: no such file, no space, a bad name
    (exit status 1)."""
    status = 1


@dataclass
class Inode:
    """An on-disk inode (struct dinode), decoded."""
    type: int = 0
    major: int = 0
    nlink: int = 0
    size: int = 0
    addrs: list = field(default_factory=lambda: [0] * (NDIRECT + 2))


@dataclass
class BlockMap:
    """The blocks an inode holds: `data[i]` is the block of the file's
    i-th BSIZE bytes (only nonzero slots), `indirect` its indirect blocks."""
    data: dict
    indirect: list


def blocks_for(nbytes: int) -> int:
    """Blocks a file of nbytes holds: its data blocks and indirect blocks."""
    n = -(-nbytes // BSIZE)
    if n > MAXFILE_BLOCKS:
        raise FsImageError(f"{nbytes} bytes: larger than the largest file ({MAXFILE_BLOCKS} blocks)")
    total = n
    if n > NDIRECT:
        total += 1
    if n > NDIRECT + NINDIRECT:
        total += 1 + -(-(n - NDIRECT - NINDIRECT) // NINDIRECT)
    return total


def check_name(name: str) -> bytes:
    """A directory entry's name as bytes (FsImageError if it cannot be one)."""
    raw = name.encode("utf-8", "surrogateescape")
    if not raw or len(raw) > DIRSIZ - 1 or b"/" in raw or b"\0" in raw:
        raise FsImageError(f"bad name for the disk image: {name!r} "
                           f"(1 to {DIRSIZ - 1} bytes, no '/' or NUL)")
    return raw


def split(path: str) -> list:
    """An image path's names: "/bin/ls" -> ["bin", "ls"]."""
    return [p for p in path.split("/") if p]


class Image:
    """A file system image held in memory; `data` is its bytes."""

    def __init__(self, data):
        self.data = bytearray(data)
        try:
            self.layout = Layout.read(self.data[BSIZE:2 * BSIZE])
        except (ValueError, struct.error) as e:
            raise FsImageError(f"not a minios file system: {e}") from None
        if len(self.data) < self.layout.size * BSIZE:
            raise FsImageError(f"the image is {len(self.data)} bytes; its superblock says "
                               f"{self.layout.size} blocks of {BSIZE}")
        self._free_hint = self.layout.datastart

    @classmethod
    def new(cls, size: int = DEFAULT_BLOCKS, ninodes: int = DEFAULT_INODES) -> "Image":
        """An empty file system: the superblock, an empty log (n = 0), the
        metadata blocks marked in the bitmap, and the root directory."""
        try:
            layout = Layout(size, ninodes)
        except ValueError as e:
            raise FsImageError(str(e)) from None
        data = bytearray(size * BSIZE)
        data[BSIZE:BSIZE + len(layout.superblock())] = layout.superblock()
        img = cls(data)
        for b in range(layout.datastart):
            img.set_bit(b, True)
        root = img.alloc_inode(T_DIR)
        assert root == ROOTINO
        img.link(root, ".", root)
        img.link(root, "..", root)
        return img

    @classmethod
    def open(cls, path) -> "Image":
        with open(path, "rb") as f:
            return cls(f.read())

    def save(self, path) -> None:
        with open(path, "wb") as f:
            f.write(self.data)

    # --- blocks and the bitmap ---------------------------------------------------------

    def block(self, bno: int) -> memoryview:
        return memoryview(self.data)[bno * BSIZE:(bno + 1) * BSIZE]

    def bit(self, bno: int) -> bool:
        byte = self.data[(self.layout.bmapstart + bno // BITS_PER_BLOCK) * BSIZE
                         + bno % BITS_PER_BLOCK // 8]
        return bool(byte & (1 << bno % 8))

    def set_bit(self, bno: int, used: bool) -> None:
        at = (self.layout.bmapstart + bno // BITS_PER_BLOCK) * BSIZE + bno % BITS_PER_BLOCK // 8
        if used:
            self.data[at] |= 1 << bno % 8
        else:
            self.data[at] &= ~(1 << bno % 8) & 0xFF

    def alloc_block(self) -> int:
        """A free data block, marked used and zeroed (the first free one, as xv6's balloc)."""
        for bno in range(self._free_hint, self.layout.size):
            if not self.bit(bno):
                self.set_bit(bno, True)
                self.block(bno)[:] = bytes(BSIZE)
                self._free_hint = bno + 1
                return bno
        raise FsImageError(f"the image is full: all {self.layout.nblocks} data blocks are used")

    def free_block(self, bno: int) -> None:
        self.set_bit(bno, False)
        self._free_hint = min(self._free_hint, bno)

    # --- inodes ------------------------------------------------------------------------

    def inode(self, inum: int) -> Inode:
        bno, off = self.layout.inode_place(inum)
        typ, major, nlink, size, *addrs = DINODE.unpack_from(self.data, bno * BSIZE + off)
        return Inode(typ, major, nlink, size, addrs)

    def write_inode(self, inum: int, ino: Inode) -> None:
        bno, off = self.layout.inode_place(inum)
        DINODE.pack_into(self.data, bno * BSIZE + off, ino.type, ino.major, ino.nlink,
                         ino.size, *ino.addrs)

    def alloc_inode(self, typ: int, major: int = 0) -> int:
        """A free inode (the lowest number), made of type `typ` with nlink 1."""
        for inum in range(ROOTINO, self.layout.ninodes):
            if self.inode(inum).type == 0:
                self.write_inode(inum, Inode(typ, major, 1, 0))
                return inum
        raise FsImageError(f"the image is out of inodes (it has {self.layout.ninodes - 1})")

    # --- a file's blocks ---------------------------------------------------------------

    def _slot(self, table_bno: int, i: int, alloc: bool) -> int:
        """Entry i of the indirect block table_bno, allocated if 0 and `alloc`."""
        at = table_bno * BSIZE + 4 * i
        (bno,) = BLOCKNO.unpack_from(self.data, at)
        if bno == 0 and alloc:
            bno = self.alloc_block()
            BLOCKNO.pack_into(self.data, at, bno)
        return bno

    def bmap(self, ino: Inode, n: int, alloc: bool = False) -> int:
        """The block holding the file's n-th BSIZE bytes (0: none), through the
        direct, single-indirect or double-indirect slots; `alloc` allocates
        what is missing on the way (the caller writes the inode back)."""
        if n < NDIRECT:
            if ino.addrs[n] == 0 and alloc:
                ino.addrs[n] = self.alloc_block()
            return ino.addrs[n]
        n -= NDIRECT
        top = NDIRECT if n < NINDIRECT else NDIRECT + 1
        if ino.addrs[top] == 0:
            if not alloc:
                return 0
            ino.addrs[top] = self.alloc_block()
        if top == NDIRECT:
            return self._slot(ino.addrs[top], n, alloc)
        n -= NINDIRECT
        table = self._slot(ino.addrs[top], n // NINDIRECT, alloc)
        return self._slot(table, n % NINDIRECT, alloc) if table else 0

    def block_map(self, ino: Inode) -> BlockMap:
        """Every block the inode names.  Indirect blocks outside the image are
        listed but not read (fsck reports them)."""
        out = BlockMap({}, [])
        readable = range(1, self.layout.size)

        def table(bno):
            return [b for (b,) in BLOCKNO.iter_unpack(self.block(bno))] if bno in readable else []
        for i, b in enumerate(ino.addrs[:NDIRECT]):
            if b:
                out.data[i] = b
        if ino.addrs[NDIRECT]:
            out.indirect.append(ino.addrs[NDIRECT])
            for i, b in enumerate(table(ino.addrs[NDIRECT])):
                if b:
                    out.data[NDIRECT + i] = b
        if ino.addrs[NDIRECT + 1]:
            out.indirect.append(ino.addrs[NDIRECT + 1])
            for j, t in enumerate(table(ino.addrs[NDIRECT + 1])):
                if t:
                    out.indirect.append(t)
                    for i, b in enumerate(table(t)):
                        if b:
                            out.data[NDIRECT + NINDIRECT * (1 + j) + i] = b
        return out

    def truncate(self, inum: int) -> None:
        ino = self.inode(inum)
        blocks = self.block_map(ino)
        for b in [*blocks.data.values(), *blocks.indirect]:
            self.free_block(b)
        ino.size, ino.addrs = 0, [0] * (NDIRECT + 2)
        self.write_inode(inum, ino)

    def write_at(self, inum: int, offset: int, data: bytes) -> None:
        """Write data at offset of the file, growing it (no holes: offset <= size)."""
        ino = self.inode(inum)
        assert offset <= ino.size, "files have no holes"
        end = offset + len(data)
        if -(-end // BSIZE) > MAXFILE_BLOCKS:
            raise FsImageError(f"{end} bytes: larger than the largest file")
        pos = offset
        while pos < end:
            bno = self.bmap(ino, pos // BSIZE, alloc=True)
            start = pos % BSIZE
            n = min(BSIZE - start, end - pos)
            self.block(bno)[start:start + n] = data[pos - offset:pos - offset + n]
            pos += n
        ino.size = max(ino.size, end)
        self.write_inode(inum, ino)

    def read_inode_data(self, inum: int) -> bytes:
        ino = self.inode(inum)
        out = bytearray()
        for n in range(-(-ino.size // BSIZE)):
            bno = self.bmap(ino, n)
            out += self.block(bno) if bno else bytes(BSIZE)
        return bytes(out[:ino.size])

    # --- directories -------------------------------------------------------------------

    def entries(self, inum: int) -> list:
        """[(name, inum)] of a directory's used entries, `.` and `..` included."""
        data = self.read_inode_data(inum)
        out = []
        for off in range(0, len(data) - DIRENT_SIZE + 1, DIRENT_SIZE):
            child, raw = DIRENT.unpack_from(data, off)
            if child:
                out.append((raw.split(b"\0")[0].decode("utf-8", "surrogateescape"), child))
        return out

    def link(self, dir_inum: int, name: str, inum: int) -> None:
        """Add the entry name -> inum to a directory, in its first free slot.
        The caller keeps the link counts (a second name of a file: nlink + 1)."""
        entry = DIRENT.pack(inum, check_name(name))
        data = self.read_inode_data(dir_inum)
        for off in range(0, len(data), DIRENT_SIZE):
            if DIRENT.unpack_from(data, off)[0] == 0:
                self.write_at(dir_inum, off, entry)
                return
        self.write_at(dir_inum, len(data), entry)

    def lookup(self, path: str) -> int:
        """The inode an absolute path names (FsImageError if none)."""
        inum, names = ROOTINO, split(path)
        for i, name in enumerate(names):
            if self.inode(inum).type != T_DIR:
                raise FsImageError(f"/{'/'.join(names[:i])}: not a directory")
            found = dict(self.entries(inum)).get(name)
            if found is None:                   # name the first part that is missing
                raise FsImageError(f"/{'/'.join(names[:i + 1])}: no such file or directory")
            inum = found
        return inum

    def _create(self, path: str, typ: int, major: int = 0) -> int:
        names = split(path)
        if not names:
            raise FsImageError(f"{path}: exists")
        parent = self.lookup("/" + "/".join(names[:-1]))
        if self.inode(parent).type != T_DIR:
            raise FsImageError(f"{'/' + '/'.join(names[:-1])}: not a directory")
        check_name(names[-1])
        if names[-1] in dict(self.entries(parent)):
            raise FsImageError(f"{path}: exists")
        inum = self.alloc_inode(typ, major)
        if typ == T_DIR:
            self.link(inum, ".", inum)
            self.link(inum, "..", parent)
        self.link(parent, names[-1], inum)
        return inum

    # --- what the tools use ------------------------------------------------------------

    def mkdir(self, path: str) -> int:
        return self._create(path, T_DIR)

    def mknod(self, path: str, major: int) -> int:
        return self._create(path, T_DEVICE, major)

    def write_file(self, path: str, data: bytes) -> int:
        """Create the file, or replace the contents of the one there."""
        try:
            inum = self.lookup(path)
        except FsImageError:
            inum = self._create(path, T_FILE)
        else:
            if self.inode(inum).type != T_FILE:
                raise FsImageError(f"{path}: not a regular file")
            self.truncate(inum)
        self.write_at(inum, 0, data)
        return inum

    def read_file(self, path: str) -> bytes:
        inum = self.lookup(path)
        if self.inode(inum).type != T_FILE:
            raise FsImageError(f"{path}: not a regular file")
        return self.read_inode_data(inum)

    def listdir(self, path: str = "/") -> list:
        """The names in a directory, `.` and `..` left out, sorted."""
        inum = self.lookup(path)
        if self.inode(inum).type != T_DIR:
            raise FsImageError(f"{path}: not a directory")
        return sorted(n for n, _ in self.entries(inum) if n not in (".", ".."))

    def walk(self, path: str = "/"):
        """(path, inum, Inode) of everything below `path` (itself first),
        depth first in name order."""
        inum = self.lookup(path)
        ino = self.inode(inum)
        yield path, inum, ino
        if ino.type == T_DIR:
            for name in self.listdir(path):
                yield from self.walk(path.rstrip("/") + "/" + name)

    def log_header(self) -> tuple:
        """(n, [home block numbers]) of the log's header block."""
        n, *blocks = LOGHEADER.unpack_from(self.data, self.layout.logstart * BSIZE)
        return n, blocks
