"""pvm cp: files copied into and out of a minios disk image, in place."""
from __future__ import annotations

import pytest

from pvm import cli
from pvm.tools import fsck
from pvm.tools.fsimage import Image


@pytest.fixture
def img(tmp_path):
    path = tmp_path / "disk.img"
    image = Image.new(size=600, ninodes=32)
    image.mkdir("/tmp")
    image.write_file("/motd", b"hello\n")
    image.save(path)
    return path


def pvm_cp(*args):
    return cli.main(["cp", *map(str, args)])


def test_copy_out_and_in(img, tmp_path):
    assert pvm_cp(f"{img}:/motd", tmp_path / "motd") == 0
    assert (tmp_path / "motd").read_bytes() == b"hello\n"
    big = bytes(range(256)) * 1200                               # double-indirect
    (tmp_path / "big").write_bytes(big)
    assert pvm_cp(tmp_path / "big", f"{img}:/tmp/big") == 0
    assert Image.open(img).read_file("/tmp/big") == big
    assert fsck.check(Image.open(img)).problems == []


def test_copy_in_replaces_and_frees_the_old_blocks(img, tmp_path):
    (tmp_path / "f").write_bytes(b"x" * 300_000)
    assert pvm_cp(tmp_path / "f", f"{img}:/motd") == 0
    (tmp_path / "f").write_bytes(b"short")
    assert pvm_cp(tmp_path / "f", f"{img}:/motd") == 0
    image = Image.open(img)
    assert image.read_file("/motd") == b"short" and fsck.check(image).problems == []


def test_directories_take_the_other_sides_name(img, tmp_path):
    (tmp_path / "note").write_bytes(b"n")
    assert pvm_cp(tmp_path / "note", f"{img}:/tmp") == 0
    assert pvm_cp(tmp_path / "note", f"{img}:/") == 0
    assert Image.open(img).listdir("/") == ["motd", "note", "tmp"]
    assert Image.open(img).listdir("/tmp") == ["note"]
    out = tmp_path / "out"
    out.mkdir()
    assert pvm_cp(f"{img}:/motd", out) == 0
    assert (out / "motd").read_bytes() == b"hello\n"


@pytest.mark.parametrize("src, dst, message", [
    ("{img}:/nope", "{tmp}/x", "pvm cp: {img}: /nope: no such file or directory"),
    ("{img}:/tmp", "{tmp}/x", "pvm cp: {img}: /tmp: not a regular file"),
    ("{tmp}/host", "{img}:/no/dir/f", "pvm cp: {img}: /no: no such file or directory"),
    ("{tmp}/host", "{img}:/motd/f", "pvm cp: {img}: /motd: not a directory"),
    ("{tmp}/missing", "{img}:/f", "pvm cp: {tmp}/missing: No such file or directory"),
    ("{tmp}/host", "{tmp}/other", "pvm cp: name the image side as IMG:/path"),
    ("{tmp}/host", "{tmp}/nodisk.img:/f", "pvm cp: name the image side as IMG:/path"),
])
def test_errors(img, tmp_path, capsys, src, dst, message):
    (tmp_path / "host").write_bytes(b"h")
    before = img.read_bytes()
    fill = dict(img=img, tmp=tmp_path)
    assert pvm_cp(src.format(**fill), dst.format(**fill)) == 1
    err = capsys.readouterr().err
    assert err.startswith(message.format(**fill)) and err.count("\n") == 1, err
    assert img.read_bytes() == before


def test_an_image_that_is_full_is_unchanged(img, tmp_path, capsys):
    (tmp_path / "huge").write_bytes(bytes(700 * 1024))
    before = img.read_bytes()
    assert pvm_cp(tmp_path / "huge", f"{img}:/huge") == 1
    assert "the image is full" in capsys.readouterr().err
    assert img.read_bytes() == before
