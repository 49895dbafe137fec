"""pvm mkfs: the minios disk image (a romfs) of the base system and DIRs.

The minios user programs are not in this tree: each test builds a small
stand-in minios tree (user/*.c, include/) in a temporary directory."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pvm import cli
from pvm.abi import romfs
from pvm.bytecode.verify import load
from pvm.tools import mkfs

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


def test_round_trip_base_system_and_dirs(tree, tmp_path, capsys):
    d = tmp_path / "extra"
    (d / "sub").mkdir(parents=True)
    (d / "hello.c").write_text(HELLO)
    (d / "motd").write_bytes(b"welcome\0\xff\n")
    (d / "sub" / "ignored").write_text("directories are not copied")
    img = tmp_path / "disk.img"
    assert pvm_mkfs(str(img), str(d), tree=tree) == 0
    out = capsys.readouterr().out
    assert "mkfs: echo (" in out and "mkfs: motd (10 bytes)" in out and "4 files" in out
    files = romfs.files(img.read_bytes())
    assert sorted(files) == ["echo", "hello", "motd", "true"]
    assert files["motd"] == b"welcome\0\xff\n"
    for name in ("echo", "hello", "true"):
        program = load(files[name], name)            # verified bytecode
        assert any(f.name == "main" for f in program.functions)
    assert len(img.read_bytes()) % romfs.SECTOR == 0


def test_programs_on_the_image_run(tree, tmp_path):
    from pvm import api
    files = mkfs.build_files([], tree)
    r = api.run(load(files["echo"], "echo"), ["a", "b"], name="echo")
    assert (r.status, r.stdout) == (0, b"a b\n")


def test_quiet_prints_nothing(tree, tmp_path, capsys):
    assert pvm_mkfs("-q", str(tmp_path / "d.img"), tree=tree) == 0
    assert capsys.readouterr().out == ""
    assert sorted(romfs.files((tmp_path / "d.img").read_bytes())) == ["echo", "true"]


def test_a_dir_wins_over_the_base_and_later_dirs_over_earlier(tree, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "echo").write_bytes(b"from a")
    (a / "x").write_bytes(b"x from a")
    (b / "x").write_bytes(b"x from b")
    (b / "true.c").write_text(HELLO)
    files = mkfs.mkfs(tmp_path / "d.img", [a, b], tree)
    assert files == romfs.files((tmp_path / "d.img").read_bytes())
    assert files["echo"] == b"from a" and files["x"] == b"x from b"
    assert load(files["true"], "true").functions       # b's hello.c compiled, named true
    assert mkfs.sources([a, b], tree)["true"] == b / "true.c"


def test_no_base_system_is_an_image_of_the_dirs_only(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "f").write_bytes(b"1")
    assert mkfs.mkfs(tmp_path / "i.img", [d], tmp_path / "no-minios") == {"f": b"1"}


def test_an_empty_image(tmp_path):
    mkfs.mkfs(tmp_path / "i.img", [], tmp_path / "no-minios")
    assert romfs.files((tmp_path / "i.img").read_bytes()) == {}


def test_bad_name_is_a_clear_error(tree, tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    (d / ("n" * (romfs.NAME_MAX + 1))).write_bytes(b"")
    assert pvm_mkfs(str(tmp_path / "i.img"), str(d), tree=tree) == 1
    err = capsys.readouterr().err
    assert "bad name" in err and "n" * (romfs.NAME_MAX + 1) in err and "Traceback" not in err
    assert not (tmp_path / "i.img").exists()
    # a name of exactly NAME_MAX bytes fits (X.c counts without its .c)
    (d / ("n" * (romfs.NAME_MAX + 1))).unlink()
    (d / ("c" * romfs.NAME_MAX + ".c")).write_text(HELLO)
    assert pvm_mkfs("-q", str(tmp_path / "i.img"), str(d), tree=tree) == 0


def test_too_many_files(tmp_path, capsys):
    d = tmp_path / "d"
    d.mkdir()
    for i in range(romfs.MAX_FILES + 1):
        (d / f"f{i}").write_bytes(b"")
    assert pvm_mkfs(str(tmp_path / "i.img"), str(d), tree=tmp_path / "none") == 1
    assert f"at most {romfs.MAX_FILES}" in capsys.readouterr().err
    (d / "f0").unlink()
    assert pvm_mkfs("-q", str(tmp_path / "i.img"), str(d), tree=tmp_path / "none") == 0
    assert len(romfs.files((tmp_path / "i.img").read_bytes())) == romfs.MAX_FILES


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
    assert b"mkfs: hello (" in r.stdout and r.stderr == b""
    assert sorted(romfs.files((tmp_path / "out.img").read_bytes())) == ["echo", "hello", "true"]
    r = subprocess.run([sys.executable, "-m", "pvm", "mkfs", "--help"], capture_output=True,
                       timeout=60)
    assert r.returncode == 0 and b"minios" in r.stdout
