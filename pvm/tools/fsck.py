"""`pvm fsck [--replay] IMG`: check a minios file system image against the
invariants of pvm/tools/fsimage.py (its docstring lists them) and print one
line per problem, then a summary:

    fsck: IMG: clean: N files, M directories, K of T data blocks used, I of J inodes used

(files count device files; J is the superblock's ninodes less inode 0).
The exit status is 0 if the image is clean, 1 if not.  fsck never repairs;
with --replay it first installs a committed log, as the kernel does at boot,
and writes the image back.
"""
from __future__ import annotations

from pvm.abi.minifs import (BITS_PER_BLOCK, BSIZE, DIRENT, DIRENT_SIZE, LOGSIZE,
                            MAXFILE_BLOCKS, NDIRECT, NINDIRECT, ROOTINO, T_DEVICE, T_DIR, T_FILE)
from pvm.tools.fsimage import FsImageError, Image


class Check:
    """One pass over an image; `problems` are the lines to print."""

    def __init__(self, img: Image):
        self.img, self.layout = img, img.layout
        self.problems = []
        self.owner = {}                 # block -> the inode holding it (or "metadata")
        self.names = {}                 # inum -> entries naming it, `.` and `..` left out
        self.dirs = self.files = 0
        self.unreadable = set()         # inodes whose blocks fsck does not follow

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def run(self) -> None:
        self.check_log()
        allocated = [i for i in range(ROOTINO, self.layout.ninodes) if self.img.inode(i).type]
        for b in range(self.layout.datastart):
            self.owner[b] = "metadata"
        for inum in allocated:
            self.check_inode(inum)
        if ROOTINO not in allocated or self.img.inode(ROOTINO).type != T_DIR:
            self.problem(f"the root (inode {ROOTINO}) is not a directory")
            reachable = set()
        else:
            reachable = self.walk()
        self.check_links(allocated, reachable)
        self.check_bitmap()
        self.inodes_used = len(allocated)

    def check_log(self) -> None:
        n, blocks = self.img.log_header()
        if not 0 <= n <= LOGSIZE:
            self.problem(f"log header: count {n} is not 0 .. {LOGSIZE}")
        elif n:
            self.problem(f"log holds {n} committed blocks not yet installed "
                         f"(the kernel replays them at boot)")
            for b in blocks[:n]:
                if not self.layout.logstart + self.layout.nlog <= b < self.layout.size:
                    self.problem(f"log header: home block {b} is outside the image's "
                                 f"inode, bitmap and data blocks")

    def check_inode(self, inum: int) -> None:
        """Type, size, and the blocks it holds: in the data region, used once,
        exactly the ones its size needs."""
        ino = self.img.inode(inum)
        if ino.type not in (T_DIR, T_FILE, T_DEVICE):
            self.problem(f"inode {inum}: bad type {ino.type}")
            self.unreadable.add(inum)
            return
        if not 0 <= ino.size <= MAXFILE_BLOCKS * BSIZE:
            self.problem(f"inode {inum}: bad size {ino.size}")
            self.unreadable.add(inum)
            return
        if ino.type == T_DIR and ino.size % DIRENT_SIZE:
            self.problem(f"inode {inum}: a directory of {ino.size} bytes, "
                         f"not a multiple of {DIRENT_SIZE}")
        blocks = self.img.block_map(ino)
        for b in blocks.indirect + list(blocks.data.values()):
            if not self.layout.datastart <= b < self.layout.size:
                self.problem(f"inode {inum}: block {b} is outside the data blocks")
                self.unreadable.add(inum)
            elif b in self.owner:
                self.problem(f"block {b} is used twice: by {self._who(self.owner[b])} "
                             f"and inode {inum}")
            else:
                self.owner[b] = inum
        nblocks = -(-ino.size // BSIZE)
        beyond = sorted(i for i in blocks.data if i >= nblocks)
        holes = [i for i in range(nblocks) if i not in blocks.data]
        if beyond:
            self.problem(f"inode {inum}: {len(beyond)} blocks beyond its size of {ino.size} "
                         f"bytes (from block index {beyond[0]})")
        if holes:
            self.problem(f"inode {inum}: {len(holes)} missing blocks within its size "
                         f"(from block index {holes[0]}; files have no holes)")
        if not beyond and (ino.addrs[NDIRECT] and nblocks <= NDIRECT or
                           ino.addrs[NDIRECT + 1] and nblocks <= NDIRECT + NINDIRECT):
            self.problem(f"inode {inum}: an indirect block it does not need")

    @staticmethod
    def _who(owner) -> str:
        return "the metadata" if owner == "metadata" else f"inode {owner}"

    def walk(self) -> set:
        """Visit every directory from the root: `.` and `..` right, each entry
        naming an allocated inode; count names; the set of reachable inodes."""
        reachable, todo = {ROOTINO}, [("/", ROOTINO, ROOTINO)]
        while todo:
            path, inum, parent = todo.pop()
            self.dirs += 1
            if inum in self.unreadable:
                self.problem(f"{path}: not read: its blocks are bad")
                continue
            data = self.img.read_inode_data(inum)
            dots = {}
            for off in range(0, len(data) - DIRENT_SIZE + 1, DIRENT_SIZE):
                child, raw = DIRENT.unpack_from(data, off)
                if child == 0:
                    continue
                name = raw.split(b"\0")[0].decode("utf-8", "surrogateescape")
                where = f"{path.rstrip('/')}/{name}"
                if b"\0" not in raw or not name or "/" in name:
                    self.problem(f"{path}: entry {off // DIRENT_SIZE}: bad name {raw!r}")
                    continue
                if not 0 < child < self.layout.ninodes or not self.img.inode(child).type:
                    self.problem(f"{where}: names inode {child}, which is free"
                                 if 0 < child < self.layout.ninodes else
                                 f"{where}: names inode {child}, which does not exist")
                    continue
                if name in (".", ".."):
                    dots[name] = child
                    continue
                self.names[child] = self.names.get(child, 0) + 1
                if child in reachable:
                    if self.img.inode(child).type == T_DIR:
                        self.problem(f"{where}: a second name of directory inode {child}")
                    continue
                reachable.add(child)
                if self.img.inode(child).type == T_DIR:
                    todo.append((where, child, inum))
                else:
                    self.files += 1
            for name, want in ((".", inum), ("..", parent)):
                if dots.get(name) != want:
                    self.problem(f"{path}: `{name}` is " +
                                 (f"inode {dots[name]}" if name in dots else "missing") +
                                 f", not inode {want}")
        return reachable

    def check_links(self, allocated: list, reachable: set) -> None:
        for inum in allocated:
            if inum not in reachable:
                ino = self.img.inode(inum)
                self.problem(f"orphan inode {inum} (type {ino.type}, nlink {ino.nlink}, "
                             f"{ino.size} bytes): no directory names it")
                continue
            ino = self.img.inode(inum)
            want = 1 if ino.type == T_DIR else self.names.get(inum, 0)
            if ino.nlink != want:
                self.problem(f"inode {inum}: nlink is {ino.nlink}, should be {want}")

    def check_bitmap(self) -> None:
        for b in range(self.layout.size):
            used, marked = b in self.owner, self.img.bit(b)
            if used and not marked:
                self.problem(f"block {b} is used by {self._who(self.owner[b])} "
                             f"but free in the bitmap")
            elif marked and not used:
                self.problem(f"block {b} is marked in the bitmap but unused")
        for b in range(self.layout.size, self.layout.nbitmap * BITS_PER_BLOCK):
            if self.img.bit(b):
                self.problem(f"the bitmap marks block {b}, past the image's end")
                break

    def summary(self) -> str:
        data_used = sum(1 for b in self.owner if b >= self.layout.datastart)
        return (f"{self.files} files, {self.dirs} directories, {data_used} of "
                f"{self.layout.nblocks} data blocks used, {self.inodes_used} of "
                f"{self.layout.ninodes - 1} inodes used")


def replay(img: Image) -> int:
    """Install the log's committed blocks at their homes and clear its count,
    as the kernel does at boot; how many blocks were installed."""
    n, homes = img.log_header()
    if not 0 < n <= LOGSIZE:
        return 0
    first_home = img.layout.logstart + img.layout.nlog
    if not all(first_home <= home < img.layout.size for home in homes[:n]):
        raise FsImageError("the log's header names blocks outside the image: not replayed")
    for i, home in enumerate(homes[:n]):
        img.block(home)[:] = img.block(img.layout.logstart + 1 + i)
    img.block(img.layout.logstart)[:4] = bytes(4)
    return n


def check(img: Image) -> Check:
    c = Check(img)
    c.run()
    return c


def main(path: str, do_replay: bool = False) -> int:
    """`pvm fsck`: the problems and a summary; 0 if clean, 1 if not."""
    try:
        img = Image.open(path)
        if do_replay and replay(img):
            img.save(path)
            print(f"fsck: {path}: installed the log's committed blocks")
    except FsImageError as e:
        print(f"fsck: {path}: {e}")
        return 1
    except OSError as e:
        print(f"fsck: {path}: {e.strerror}")
        return 1
    c = check(img)
    for line in c.problems:
        print(f"fsck: {path}: {line}")
    if c.problems:
        print(f"fsck: {path}: {len(c.problems)} problems; {c.summary()}")
        return 1
    print(f"fsck: {path}: clean: {c.summary()}")
    return 0
