"""pvm fsck: a clean image passes; each kind of damage, made by hand, is
reported on a line of its own with exit status 1."""
from __future__ import annotations

import pytest

from pvm import cli
from pvm.abi import minifs
from pvm.tools import fsck
from pvm.tools.fsimage import Image, Inode


@pytest.fixture
def img():
    """A small image: nested directories, a device, a small and a big file."""
    img = Image.new(size=1200, ninodes=64)
    img.mkdir("/bin")
    img.mkdir("/a")
    img.mkdir("/a/b")
    img.mknod("/dev", minifs.DEV_CONSOLE)
    img.write_file("/bin/small", b"tiny")
    img.write_file("/a/b/big", bytes(range(256)) * 4 * 700)     # double-indirect
    return img


def problems(img) -> list:
    return fsck.check(img).problems


def run(img, tmp_path, capsys, *options):
    path = tmp_path / "i.img"
    img.save(path)
    status = cli.main(["fsck", *options, str(path)])
    return status, capsys.readouterr().out


def test_a_clean_image(img, tmp_path, capsys):
    status, out = run(img, tmp_path, capsys)
    assert status == 0
    used = 700 + 4 + 5       # big: 4 indirect blocks; 4 directories and small: 1 each
    assert out == (f"fsck: {tmp_path / 'i.img'}: clean: 3 files, 4 directories, "
                   f"{used} of {img.layout.nblocks} data blocks used, 7 of 63 inodes used\n")


def test_a_mkfs_image_is_clean(tmp_path):
    from pvm.tools import mkfs
    d = tmp_path / "d"
    (d / "x" / "y").mkdir(parents=True)
    (d / "x" / "y" / "f").write_bytes(b"f" * 5000)
    assert problems(mkfs.image(mkfs.build_tree([d], tmp_path / "no-minios"))) == []


def test_a_second_name_is_a_second_link(img):
    inum = img.lookup("/bin/small")
    img.link(img.lookup("/a"), "again", inum)
    assert problems(img) == ["inode %d: nlink is 1, should be 2" % inum]
    ino = img.inode(inum)
    ino.nlink = 2
    img.write_inode(inum, ino)
    assert problems(img) == []


def test_a_flipped_bitmap_bit(img, tmp_path, capsys):
    free = img.layout.size - 1
    img.set_bit(free, True)
    status, out = run(img, tmp_path, capsys)
    assert status == 1
    assert f"block {free} is marked in the bitmap but unused" in out and "1 problems" in out
    img.set_bit(free, False)
    used = img.inode(img.lookup("/bin/small")).addrs[0]
    img.set_bit(used, False)
    assert problems(img) == [f"block {used} is used by inode {img.lookup('/bin/small')} "
                             f"but free in the bitmap"]


def test_a_bad_link_count(img):
    inum = img.lookup("/a/b")
    ino = img.inode(inum)
    ino.nlink = 2
    img.write_inode(inum, ino)
    assert problems(img) == [f"inode {inum}: nlink is 2, should be 1"]


def test_an_entry_naming_a_free_inode(img, tmp_path, capsys):
    inum = img.lookup("/bin/small")
    img.truncate(inum)
    img.write_inode(inum, Inode())                               # freed, still named
    status, out = run(img, tmp_path, capsys)
    assert status == 1 and f"/bin/small: names inode {inum}, which is free" in out


def test_a_block_used_twice(img):
    small, big = img.lookup("/bin/small"), img.lookup("/a/b/big")
    ino = img.inode(small)
    mine, ino.addrs[0] = ino.addrs[0], img.inode(big).addrs[3]
    img.write_inode(small, ino)
    assert problems(img) == [f"block {ino.addrs[0]} is used twice: by inode {small} and "
                             f"inode {big}",
                             f"block {mine} is marked in the bitmap but unused"]


def test_an_orphan_inode(img):
    inum = img.alloc_inode(minifs.T_FILE)
    img.write_at(inum, 0, b"nobody names me")
    assert problems(img) == [f"orphan inode {inum} (type {minifs.T_FILE}, nlink 1, "
                             f"15 bytes): no directory names it"]


def test_sizes_against_blocks(img):
    inum = img.lookup("/bin/small")
    ino = img.inode(inum)
    ino.size = 3 * minifs.BSIZE                                  # blocks 1 and 2 missing
    img.write_inode(inum, ino)
    assert problems(img) == [f"inode {inum}: 2 missing blocks within its size "
                             f"(from block index 1; files have no holes)"]
    ino.size = 0                                                # block 0 beyond it
    img.write_inode(inum, ino)
    assert problems(img) == [f"inode {inum}: 1 blocks beyond its size of 0 bytes "
                             f"(from block index 0)"]


def test_dot_and_dot_dot(img):
    a, b = img.lookup("/a"), img.lookup("/a/b")
    # make /a/b's `..` name the root instead of /a
    data = bytearray(img.read_inode_data(b))
    data[minifs.DIRENT_SIZE:2 * minifs.DIRENT_SIZE] = minifs.DIRENT.pack(minifs.ROOTINO, b"..")
    img.write_at(b, 0, bytes(data))
    assert problems(img) == [f"/a/b: `..` is inode {minifs.ROOTINO}, not inode {a}"]


def test_a_bad_superblock(tmp_path, capsys):
    path = tmp_path / "i.img"
    path.write_bytes(bytes(8192))
    assert cli.main(["fsck", str(path)]) == 1
    assert "not a minios file system" in capsys.readouterr().out


def test_a_committed_log_and_replay(img, tmp_path, capsys):
    # a committed transaction that rewrites /bin/small's data block
    home = img.inode(img.lookup("/bin/small")).addrs[0]
    logstart = img.layout.logstart
    img.block(logstart + 1)[:5] = b"TINY!"
    minifs.LOGHEADER.pack_into(img.data, logstart * minifs.BSIZE, 1, home,
                               *[0] * (minifs.LOGSIZE - 1))
    status, out = run(img, tmp_path, capsys)
    assert status == 1
    assert "log holds 1 committed blocks not yet installed (the kernel replays them at boot)" in out
    status, out = run(img, tmp_path, capsys, "--replay")
    assert status == 0 and "installed the log's committed blocks" in out and "clean" in out
    replayed = Image.open(tmp_path / "i.img")
    assert replayed.read_file("/bin/small") == b"TINY" and replayed.log_header()[0] == 0
