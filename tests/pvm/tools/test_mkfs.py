"""pvm mkfs: the minios disk image (a file system, pvm/abi/minifs.py) of
the base system and DIRs' trees, read back with pvm/tools/fsimage.py.

The minios user programs are not in this tree: each test builds a small
stand-in minios tree (user/*.c, include/) in a temporary directory."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pvm import cli
from pvm.abi import minifs
from pvm.bytecode.verify import load
from pvm.tools import mkfs
from pvm.tools.fsimage import Image

ECHO = """\
#include <stdio.h>
#include <minios.h>
int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        printf("%s%s", argv[i], i + 1 < argc ? " " : "\\n");
    return ECHO_STATUS;
}
"""

HELLO = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n'


@pytest.fixture
def tree(tmp_path):
    """A minios-like tree: user/echo.c, user/true.c (and a header that is
    not a program), include/minios.h."""
    t = tmp_path / "minios"
    (t / "user").mkdir(parents=True)
    (t / "include").mkdir()
    (t / "include" / "minios.h").write_text("#define ECHO_STATUS 0\n")
    (t / "user" / "echo.c").write_text(ECHO)
    (t / "user" / "true.c").write_text("int main(void) { return 0; }\n")
    (t / "user" / "ulib.h").write_text("/* not a program */\n")
    return t


def pvm_mkfs(*args, tree=None):
    return cli.main(["mkfs", *(["--minios", str(tree)] if tree else []), *args])


def files_of(img) -> dict:
    """image path -> bytes of every regular file of an image."""
    image = Image.open(img)
    return {p: image.read_file(p) for p, _, ino in image.walk() if ino.type == minifs.T_FILE}


BASE_DIRS = ["/", "/bin", "/dev", "/spool", "/tmp"]


def test_round_trip_base_system_and_nested_dirs(tree, tmp_path, capsys):
    d = tmp_path / "extra"
    (d / "etc" / "deep" / "er").mkdir(parents=True)
    (d / "hello.c").write_text(HELLO)
    (d / "motd").write_bytes(b"welcome\0\xff\n")
    (d / "etc" / "deep" / "er" / "note").write_text("nested")
    (d / "etc" / "empty").mkdir()
    img = tmp_path / "disk.img"
    assert pvm_mkfs(str(img), str(d), tree=tree) == 0
    out = capsys.readouterr().out
    assert "mkfs: /bin/echo (" in out and "mkfs: /motd (10 bytes)" in out
    assert "7 files, 9 directories" in out          # 2 devices among the files
    image = Image.open(img)
    assert len(img.read_bytes()) == minifs.DEFAULT_BLOCKS * minifs.BSIZE
    assert image.listdir("/") == ["bin", "dev", "etc", "hello", "motd", "spool", "tmp"]
    assert image.listdir("/bin") == ["echo", "true"]
    assert image.listdir("/spool") == image.listdir("/tmp") == image.listdir("/etc/empty") == []
    assert image.read_file("/motd") == b"welcome\0\xff\n"
    assert image.read_file("/etc/deep/er/note") == b"nested"
    for path in ("/bin/echo", "/bin/true", "/hello"):
        program = load(image.read_file(path), path)        # verified bytecode
        assert any(f.name == "main" for f in program.functions)
    for name, major in (("console", minifs.DEV_CONSOLE), ("printer", minifs.DEV_PRINTER)):
        ino = image.inode(image.lookup(f"/dev/{name}"))
        assert (ino.type, ino.major, ino.nlink, ino.size) == (minifs.T_DEVICE, major, 1, 0)


def test_directories_have_dot_dot_dot_and_nlink_one(tree, tmp_path):
    d = tmp_path / "d"
    (d / "a" / "b").mkdir(parents=True)
    image = mkfs.image(mkfs.build_tree([d], tree))
    for path, inum, ino in image.walk():
        if ino.type == minifs.T_DIR:
            entries = dict(image.entries(inum))
            parent = image.lookup(path.rsplit("/", 1)[0] or "/")
            assert entries["."] == inum and entries[".."] == parent and ino.nlink == 1, path
    assert dict(image.entries(minifs.ROOTINO))[".."] == minifs.ROOTINO
    assert image.log_header()[0] == 0


def test_a_big_file_uses_the_double_indirect_block(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    nblocks = minifs.NDIRECT + minifs.NINDIRECT + minifs.NINDIRECT + 3
    big = bytes(i * 7 % 251 for i in range(nblocks * minifs.BSIZE - 100))
    (d / "big").write_bytes(big)
    mkfs.mkfs(tmp_path / "i.img", [d], tmp_path / "no-minios")
    image = Image.open(tmp_path / "i.img")
    assert image.read_file("/big") == big
    ino = image.inode(image.lookup("/big"))
    assert ino.addrs[minifs.NDIRECT] and ino.addrs[minifs.NDIRECT + 1]
    blocks = image.block_map(ino)
    assert len(blocks.data) == nblocks and len(blocks.indirect) == 1 + 1 + 2
    used = {*blocks.data.values(), *blocks.indirect}
    assert len(used) == nblocks + 4 and all(image.bit(b) for b in used)
    assert all(image.bit(b) for b in range(image.layout.datastart))


def test_programs_on_the_image_run(tree, tmp_path):
    from pvm import api
    files = mkfs.build_files([], tree)
    r = api.run(load(files["/bin/echo"], "echo"), ["a", "b"], name="echo")
    assert (r.status, r.stdout) == (0, b"a b\n")


def test_quiet_prints_nothing(tree, tmp_path, capsys):
    assert pvm_mkfs("-q", str(tmp_path / "d.img"), tree=tree) == 0
    assert capsys.readouterr().out == ""
    assert sorted(files_of(tmp_path / "d.img")) == ["/bin/echo", "/bin/true"]


def test_a_dir_wins_over_the_base_and_later_dirs_over_earlier(tree, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    (a / "bin").mkdir(parents=True), (b / "bin").mkdir(parents=True)
    (a / "bin" / "echo").write_bytes(b"from a")
    (a / "x").write_bytes(b"x from a")
    (b / "x").write_bytes(b"x from b")
    (b / "bin" / "true.c").write_text(HELLO)
    (a / "tmp").write_bytes(b"a file replaces the directory")
    (a / "y").mkdir()
    (a / "y" / "inside").write_bytes(b"gone")
    (b / "y").write_bytes(b"b's file replaces a's directory")
    tree_ = mkfs.mkfs(tmp_path / "d.img", [a, b], tree)
    files = files_of(tmp_path / "d.img")
    assert files == {p: v for p, v in tree_.items() if isinstance(v, bytes)}
    assert files["/bin/echo"] == b"from a" and files["/x"] == b"x from b"
    assert files["/tmp"] == b"a file replaces the directory"
    assert files["/y"] == b"b's file replaces a's directory" and "/y/inside" not in files
    assert load(files["/bin/true"], "true").functions      # b's hello.c compiled, named true
    assert mkfs.sources([a, b], tree)["/bin/true"] == b / "bin" / "true.c"


def test_no_base_system_is_an_image_of_the_dirs_and_devices(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "f").write_bytes(b"1")
    mkfs.mkfs(tmp_path / "i.img", [d], tmp_path / "no-minios")
    assert files_of(tmp_path / "i.img") == {"/f": b"1"}
    image = Image.open(tmp_path / "i.img")
    assert [p for p, _, ino in image.walk() if ino.type == minifs.T_DIR] == BASE_DIRS
    assert image.listdir("/dev") == ["console", "printer"]


def test_size_and_inodes(tmp_path, capsys):
    img = tmp_path / "i.img"
    assert pvm_mkfs("-q", "--size", "200", "--inodes", "32", str(img),
                    tree=tmp_path / "none") == 0
    image = Image.open(img)
    assert (image.layout.size, image.layout.ninodes) == (200, 32)
    assert len(img.read_bytes()) == 200 * minifs.BSIZE


def test_bad_name_is_a_clear_error(tree, tmp_path, capsys):
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    long = "n" * minifs.DIRSIZ
    (d / "sub" / long).write_bytes(b"")
    assert pvm_mkfs(str(tmp_path / "i.img"), str(d), tree=tree) == 1
    err = capsys.readouterr().err
    assert "bad name" in err and long in err and "Traceback" not in err
    assert not (tmp_path / "i.img").exists()
    # a name of exactly DIRSIZ-1 bytes fits (X.c counts without its .c)
    (d / "sub" / long).unlink()
    (d / ("c" * (minifs.DIRSIZ - 1) + ".c")).write_text(HELLO)
    assert pvm_mkfs("-q", str(tmp_path / "i.img"), str(d), tree=tree) == 0
    assert "/" + "c" * (minifs.DIRSIZ - 1) in files_of(tmp_path / "i.img")


def test_an_image_too_small(tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    (d / "big").write_bytes(bytes(300 * minifs.BSIZE))
    img = tmp_path / "i.img"
    assert pvm_mkfs(str(img), str(d), "--size", "300", tree=tmp_path / "none") == 1
    err = capsys.readouterr().err
    need = mkfs.blocks_needed(mkfs.build_tree([d], tmp_path / "none"), minifs.Layout(300))
    assert f"mkfs: the files need {need} blocks; the image has 300 (use --size)" in err
    assert not img.exists()
    assert pvm_mkfs("-q", str(img), str(d), "--size", str(need), tree=tmp_path / "none") == 0
    assert Image.open(img).read_file("/big") == bytes(300 * minifs.BSIZE)
    assert pvm_mkfs(str(img), "--size", "10", tree=tmp_path / "none") == 1
    assert "too few" in capsys.readouterr().err


def test_too_many_inodes(tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    for i in range(20):
        (d / f"f{i}").write_bytes(b"")
    # the root, 5 base directories and devices, 20 files: 27 inodes; inode 0 is never used
    assert pvm_mkfs(str(tmp_path / "i.img"), str(d), "--inodes", "27",
                    tree=tmp_path / "none") == 1
    assert "the files need 27 inodes; the image has 26 (use --inodes)" in capsys.readouterr().err
    assert pvm_mkfs("-q", str(tmp_path / "i.img"), str(d), "--inodes", "28",
                    tree=tmp_path / "none") == 0
    assert len(files_of(tmp_path / "i.img")) == 20


def test_missing_dir(tree, tmp_path, capsys):
    assert pvm_mkfs(str(tmp_path / "i.img"), str(tmp_path / "nowhere"), tree=tree) == 1
    err = capsys.readouterr().err
    assert "nowhere: no such directory" in err


def test_a_c_file_that_does_not_compile(tree, tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    (d / "bad.c").write_text("int main(void) {\n    return 1 +;\n}\n")
    assert pvm_mkfs(str(tmp_path / "i.img"), str(d), tree=tree) == 1
    err = capsys.readouterr().err
    assert "bad.c:2:" in err and "error" in err and "Traceback" not in err
    assert not (tmp_path / "i.img").exists()


def test_the_command_line(tree, tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "hello.c").write_text(HELLO)
    r = subprocess.run([sys.executable, "-m", "pvm", "mkfs", "--minios", str(tree), "out.img",
                        str(d)], capture_output=True, cwd=tmp_path, timeout=300)
    assert r.returncode == 0, r.stderr.decode()
    assert b"mkfs: /hello (" in r.stdout and r.stderr == b""
    assert sorted(files_of(tmp_path / "out.img")) == ["/bin/echo", "/bin/true", "/hello"]
    r = subprocess.run([sys.executable, "-m", "pvm", "mkfs", "--help"], capture_output=True,
                       timeout=60)
    assert r.returncode == 0 and b"minios" in r.stdout
