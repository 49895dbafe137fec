"""`pvm mkfs IMG [DIR...]`: the minios disk image (a romfs, pvm/abi/romfs.py).

The image holds the minios base system, every minios/user/*.c compiled and
linked with the stdlib to bytecode (as `pvm build` does) and stored under its
name without `.c`, plus every regular file of each DIR: `X.c` compiled to
bytecode stored as `X`, any other file as it is.  On a name clash a DIR's
file wins over the base system, and a later DIR over an earlier one.

    from pvm.tools import mkfs
    files = mkfs.build_files(["extra/"])        # name -> bytes
    mkfs.mkfs("disk.img", ["extra/"])           # writes the image, returns the files

C files are compiled with `-I minios/include` (if it exists) and through the
compile cache (compiler/build_cache.py).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from pvm import paths
from pvm.abi import romfs
from pvm.errors import PvmError

MINIOS = paths.ROOT / "minios"


class MkfsError(PvmError):
    """A disk image that cannot be made: a bad name, too many files, a
    missing directory (exit status 1)."""
    status = 1


def include_dirs(minios=MINIOS) -> tuple:
    """The include path of minios programs: minios/include, if it exists."""
    inc = Path(minios) / "include"
    return (str(inc),) if inc.is_dir() else ()


def _check_name(name: str, origin) -> None:
    raw = name.encode("utf-8", "surrogateescape")
    if not raw or len(raw) > romfs.NAME_MAX or b"/" in raw or b"\0" in raw:
        raise MkfsError(f"mkfs: {origin}: bad name for the disk image: {name!r} "
                        f"(1 to {romfs.NAME_MAX} bytes, no '/')")


def _entries(directory: Path, only_c: bool = False) -> dict:
    """name -> path of the regular files of `directory` (X.c named X)."""
    out = {}
    for path in sorted(directory.iterdir()):
        if not path.is_file() or (only_c and not path.name.endswith(".c")):
            continue
        name = path.name[:-2] if path.name.endswith(".c") else path.name
        _check_name(name, path)
        out[name] = path
    return out


def sources(dirs=(), minios=MINIOS) -> dict:
    """name -> the host file each file of the image comes from (a .c file is
    compiled): the base system (minios/user/*.c), then each DIR in order,
    later ones replacing earlier ones of the same name."""
    out = {}
    user = Path(minios) / "user"
    if user.is_dir():
        out.update(_entries(user, only_c=True))
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise MkfsError(f"mkfs: {d}: no such directory")
        out.update(_entries(d))
    if len(out) > romfs.MAX_FILES:
        raise MkfsError(f"mkfs: {len(out)} files: at most {romfs.MAX_FILES} fit in a disk image")
    return out


def compile_c(path, minios=MINIOS) -> bytes:
    """A C file compiled and linked with the stdlib: the bytes of a .pvm file
    (CompileError, exit status 1, with the diagnostics if it does not compile)."""
    from pvm import api
    from pvm.bytecode.bcfile import encode
    return encode(api.compile_file(str(path), include_dirs(minios)))


def build_files(dirs=(), minios=MINIOS, log=None) -> dict:
    """name -> bytes of every file of the image; `log(name, size)` is called
    for each as it is ready."""
    files = {}
    for name, path in sources(dirs, minios).items():
        data = compile_c(path, minios) if path.name.endswith(".c") else path.read_bytes()
        files[name] = data
        if log is not None:
            log(name, len(data))
    return files


def mkfs(img, dirs=(), minios=MINIOS, log=None) -> dict:
    """Write the disk image `img` (the base system plus `dirs`); the files it holds."""
    files = build_files(dirs, minios, log)
    data = romfs.image(files)
    with open(img, "wb") as f:
        f.write(data)
    return files


def main(img: str, dirs=(), quiet: bool = False, minios=MINIOS) -> int:
    """`pvm mkfs`: one line per file and a summary, none with `quiet`."""
    def log(name, size):
        print(f"mkfs: {name} ({size} bytes)", flush=True)
    if not quiet and not any((Path(minios) / "user").glob("*.c")):
        print(f"mkfs: note: no base system ({Path(minios) / 'user'} has no .c files)",
              file=sys.stderr)
    files = mkfs(img, dirs, minios, None if quiet else log)
    if not quiet:
        total = os.path.getsize(img)
        print(f"mkfs: {img}: {len(files)} files, {total // romfs.SECTOR} sectors")
    return 0
