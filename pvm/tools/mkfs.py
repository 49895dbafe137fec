"""`pvm mkfs IMG [DIR...]`: the minios disk image, a file system in the
format of pvm/abi/minifs.py (written with pvm/tools/fsimage.py).

The image holds the base system:

    /bin/NAME       every minios/user/NAME.c compiled and linked with the
                    stdlib to bytecode (as `pvm build` does)
    /dev/console    a device file (T_DEVICE, major DEV_CONSOLE)
    /dev/printer    a device file (major DEV_PRINTER)
    /spool, /tmp    empty directories

and then each DIR's tree copied into `/`: its subdirectories become
directories, `X.c` is compiled to bytecode stored as `X`, any other file is
stored as it is.  On a clash a DIR wins over the base system and a later DIR
over an earlier one (DIR/bin/ls.c replaces /bin/ls; a file replaces a
directory of the same path with everything in it, and the other way round).

    from pvm.tools import mkfs
    tree = mkfs.build_tree(["extra/"])      # image path -> bytes | DIRECTORY | Device
    mkfs.mkfs("disk.img", ["extra/"])       # writes the image, returns the tree

C files are compiled with `-I minios/include` (if it exists) and through the
compile cache (compiler/build_cache.py).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from pvm import paths
from pvm.abi import minifs
from pvm.errors import PvmError
from pvm.tools import fsimage

MINIOS = paths.ROOT / "minios"
DIRECTORY = "directory"         # a tree's value for a directory


@dataclass(frozen=True)
class Device:
    """A tree's value for a device file."""
    major: int


BASE = {"/bin": DIRECTORY, "/dev": DIRECTORY,
        "/dev/console": Device(minifs.DEV_CONSOLE), "/dev/printer": Device(minifs.DEV_PRINTER),
        "/spool": DIRECTORY, "/tmp": DIRECTORY}


class MkfsError(PvmError):
    """A disk image that cannot be made: a bad name, too many files for its
    size, a missing directory (exit status 1)."""
    status = 1


def include_dirs(minios=MINIOS) -> tuple:
    """The include path of minios programs: minios/include, if it exists."""
    inc = Path(minios) / "include"
    return (str(inc),) if inc.is_dir() else ()


def _image_name(path: Path) -> str:
    """The name a host file gets in the image (X.c -> X), checked."""
    name = path.name[:-2] if path.is_file() and path.name.endswith(".c") else path.name
    try:
        fsimage.check_name(name)
    except fsimage.FsImageError as e:
        raise MkfsError(f"mkfs: {path}: {e}") from None
    return name


def _put(tree: dict, at: str, value) -> None:
    """tree[at] = value, dropping what was below `at` if it was a directory."""
    if value is not DIRECTORY or tree.get(at) is not DIRECTORY:
        for p in [p for p in tree if p.startswith(at + "/")]:
            del tree[p]
    tree[at] = value


def _copy_tree(tree: dict, host_dir: Path, at: str) -> None:
    for path in sorted(host_dir.iterdir()):
        if not (path.is_dir() or path.is_file()):
            continue                                    # sockets, fifos, broken links
        target = f"{at}/{_image_name(path)}"
        if path.is_dir():
            _put(tree, target, DIRECTORY)
            _copy_tree(tree, path, target)
        else:
            _put(tree, target, path)


def sources(dirs=(), minios=MINIOS) -> dict:
    """image path -> where it comes from: a host file (a .c file is
    compiled), DIRECTORY or a Device.  The base system, then each DIR in
    order; parents come before their children."""
    tree = dict(BASE)
    user = Path(minios) / "user"
    if user.is_dir():
        for path in sorted(user.glob("*.c")):
            if path.is_file():
                tree[f"/bin/{_image_name(path)}"] = path
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise MkfsError(f"mkfs: {d}: no such directory")
        _copy_tree(tree, d, "")
    return dict(sorted(tree.items(), key=lambda item: fsimage.split(item[0])))


def compile_c(path, minios=MINIOS) -> bytes:
    """A C file compiled and linked with the stdlib: the bytes of a .pvm file
    (CompileError, exit status 1, with the diagnostics if it does not compile)."""
    from pvm import api
    from pvm.bytecode.bcfile import encode
    return encode(api.compile_file(str(path), include_dirs(minios)))


def build_tree(dirs=(), minios=MINIOS, log=None) -> dict:
    """image path -> bytes (a file), DIRECTORY or a Device: everything the
    image holds; `log(path, size)` is called for each file as it is ready."""
    tree = {}
    for at, source in sources(dirs, minios).items():
        if isinstance(source, Path):
            source = compile_c(source, minios) if source.name.endswith(".c") else source.read_bytes()
            if log is not None:
                log(at, len(source))
        tree[at] = source
    return tree


def build_files(dirs=(), minios=MINIOS) -> dict:
    """image path -> bytes of the regular files only."""
    return {p: v for p, v in build_tree(dirs, minios).items() if isinstance(v, bytes)}


def blocks_needed(tree: dict, layout: minifs.Layout) -> int:
    """Blocks an image of `tree` uses: the metadata, then each file's and
    each directory's (the root's included) data and indirect blocks."""
    entries = {"/": 2}                                  # `.` and `..`
    for at, value in tree.items():
        parent = "/" + "/".join(fsimage.split(at)[:-1])
        entries[parent] = entries.get(parent, 2) + 1
        if value is DIRECTORY:
            entries.setdefault(at, 2)
    try:
        return (layout.datastart
                + sum(fsimage.blocks_for(len(v)) for v in tree.values() if isinstance(v, bytes))
                + sum(fsimage.blocks_for(n * minifs.DIRENT_SIZE) for n in entries.values()))
    except fsimage.FsImageError as e:
        raise MkfsError(f"mkfs: {e}") from None


def image(tree: dict, size: int = minifs.DEFAULT_BLOCKS,
          ninodes: int = minifs.DEFAULT_INODES) -> fsimage.Image:
    """The file system holding `tree` (MkfsError if it does not fit)."""
    try:
        layout = minifs.Layout(size, ninodes)
    except ValueError as e:
        raise MkfsError(f"mkfs: {e} (use --size)") from None
    if len(tree) + 1 > ninodes - 1:                     # the root too; inode 0 is never used
        raise MkfsError(f"mkfs: the files need {len(tree) + 1} inodes; the image has "
                        f"{ninodes - 1} (use --inodes)")
    need = blocks_needed(tree, layout)
    if need > size:
        raise MkfsError(f"mkfs: the files need {need} blocks; the image has {size} (use --size)")
    img = fsimage.Image.new(size, ninodes)
    for at, value in tree.items():
        if value is DIRECTORY:
            img.mkdir(at)
        elif isinstance(value, Device):
            img.mknod(at, value.major)
        else:
            img.write_file(at, value)
    return img


def mkfs(img, dirs=(), minios=MINIOS, log=None, size: int = minifs.DEFAULT_BLOCKS,
         ninodes: int = minifs.DEFAULT_INODES) -> dict:
    """Write the disk image `img` (the base system plus `dirs`); the tree it holds.
    Nothing is written if anything fails."""
    tree = build_tree(dirs, minios, log)
    image(tree, size, ninodes).save(img)
    return tree


def main(img: str, dirs=(), quiet: bool = False, minios=MINIOS,
         size: int = minifs.DEFAULT_BLOCKS, ninodes: int = minifs.DEFAULT_INODES) -> int:
    """`pvm mkfs`: one line per file and a summary, none with `quiet`."""
    def log(at, nbytes):
        print(f"mkfs: {at} ({nbytes} bytes)", flush=True)
    if not quiet and not any((Path(minios) / "user").glob("*.c")):
        print(f"mkfs: note: no base system ({Path(minios) / 'user'} has no .c files)",
              file=sys.stderr)
    tree = mkfs(img, dirs, minios, None if quiet else log, size, ninodes)
    if not quiet:
        layout = minifs.Layout(size, ninodes)
        files = sum(not isinstance(v, str) for v in tree.values())
        dirs_ = sum(v is DIRECTORY for v in tree.values()) + 1
        used = blocks_needed(tree, layout) - layout.datastart
        print(f"mkfs: {img}: {files} files, {dirs_} directories, {used} of {layout.nblocks} "
              f"data blocks used, {len(tree) + 1} of {ninodes - 1} inodes")
    return 0
