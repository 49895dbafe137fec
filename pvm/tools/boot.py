"""`pvm boot`: build minios and run it on the machine.

The kernel is every minios/kernel/*.c compiled (with `-I minios/include`) and
linked with the stdlib into one program; the default disk image is the base
system (`pvm mkfs IMG` with no DIR, pvm/tools/mkfs.py).  Both are cached in
<cache>/minios/<key>/ (kernel.pvm, disk.img), the key a hash of minios/**,
stdlib/** and the toolchain stamp, so an edit to any of them rebuilds; with
PVM_CACHE=off they are built afresh each time.  The disk device writes to
its file, so each boot runs on a temporary copy of the default image: a boot
never changes it (an image given with `disk=` is used, and written, as
`pvm run --disk` does).

The kernel runs like `pvm run --disk IMG kernel.pvm` with argv ["minios"], or
["minios", "-c", CMDS] to have init run `sh -c CMDS` and power off with its
status; the console is the terminal (or, from Python, bytes in and out):

    from pvm.tools.boot import boot
    r = boot(run="echo hi; halt", tier="interp")
    r.status, r.stdout, r.stderr
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from pathlib import Path

from pvm import api, cache, paths
from pvm.bytecode.program import BOOT_MEMORY, DEFAULT_STACK
from pvm.errors import PvmError
from . import mkfs as _mkfs

MINIOS = _mkfs.MINIOS
KEEP = 4                # cache entries (source versions) kept; older ones are deleted


class BootError(PvmError):
    """minios cannot be built: no kernel sources (exit status 1)."""
    status = 1


def _tree(h, top: Path, label: str) -> None:
    """Hash every file below `top`: its path relative to `top` and its bytes."""
    if not top.is_dir():
        h.update(f"{label}: none\n".encode())
        return
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(top).as_posix()
            try:
                data = path.read_bytes()
            except OSError:
                continue
            h.update(f"{label}/{rel}:{len(data)}\n".encode())
            h.update(data)


def source_key(minios=MINIOS) -> str:
    """The cache key of a build of minios: changes when any file of the
    minios tree or the stdlib, or the toolchain (cache.toolchain_stamp), does."""
    h = hashlib.sha256()
    h.update(f"minios-boot 1 {cache.toolchain_stamp()}\n".encode())
    _tree(h, Path(minios), "minios")
    _tree(h, paths.STDLIB, "stdlib")
    return h.hexdigest()[:32]


def kernel_sources(minios=MINIOS) -> list:
    """The kernel's C files, in name order (BootError if there are none)."""
    kdir = Path(minios) / "kernel"
    files = sorted(kdir.glob("*.c")) if kdir.is_dir() else []
    if not files:
        raise BootError(f"pvm boot: no kernel to boot: {kdir} has no .c files "
                        f"(the minios kernel is built from minios/kernel/*.c)")
    return [str(f) for f in files]


def build_kernel(minios=MINIOS, warn=None) -> bytes:
    """The kernel: minios/kernel/*.c compiled and linked into one program
    (CompileError with the diagnostics if it does not compile); .pvm bytes."""
    from compiler.driver import compile_program
    from pvm.bytecode.bcfile import encode
    program = compile_program(kernel_sources(minios), include_dirs=_mkfs.include_dirs(minios),
                              warn=warn)
    return encode(program)


def build_disk(minios=MINIOS) -> bytes:
    """The default disk image: the base system (`pvm mkfs IMG`)."""
    return bytes(_mkfs.image(_mkfs.build_tree((), minios)).data)


def _prune(top: str, keep: str) -> None:
    """Keep the KEEP most recently used entries of <cache>/minios (and `keep`)."""
    try:
        entries = sorted(((e.stat().st_mtime, e.path) for e in os.scandir(top)
                          if e.is_dir(follow_symlinks=False)), reverse=True)
    except OSError:
        return
    for _, path in entries[KEEP:]:
        if os.path.basename(path) != keep:
            shutil.rmtree(path, ignore_errors=True)


def prepare(minios=MINIOS, need_disk: bool = True, warn=None) -> tuple:
    """(kernel .pvm bytes, default disk image bytes or None): from the cache
    (<cache>/minios/<key>/) if it holds this version of the sources, else
    built (and cached, unless PVM_CACHE=off)."""
    kernel_sources(minios)                      # no kernel: say so before anything else
    directory = cache.cache_dir()
    key = source_key(minios)
    entry = os.path.join(directory, "minios", key) if directory is not None else None
    kernel = disk = None
    if entry is not None:
        try:
            with open(os.path.join(entry, "kernel.pvm"), "rb") as f:
                kernel = f.read()
            if need_disk:
                with open(os.path.join(entry, "disk.img"), "rb") as f:
                    disk = f.read()
            os.utime(entry)                     # used: pruning deletes the oldest
        except OSError:
            kernel = disk = None
    if kernel is not None and (disk is not None or not need_disk):
        return kernel, disk
    kernel = build_kernel(minios, warn)
    disk = build_disk(minios)
    # cache it only if the sources did not change while it was being built
    if entry is not None and source_key(minios) == key:
        try:
            cache.atomic_write(os.path.join(entry, "disk.img"), disk)
            cache.atomic_write(os.path.join(entry, "kernel.pvm"), kernel)
            _prune(os.path.dirname(entry), key)
        except OSError:
            pass                                # a read-only cache only costs speed
    return kernel, (disk if need_disk else None)


def load_kernel(data: bytes, name: str = "kernel.pvm"):
    """The kernel's bytes loaded and verified, like any .pvm file."""
    from pvm.bytecode.verify import load
    program = load(data, name)
    program.digest = hashlib.sha256(data).hexdigest()
    return program


def argv_for(run: str | None) -> list:
    """The kernel's arguments: init gets them and runs `sh -c CMDS`."""
    return ["minios"] if run is None else ["minios", "-c", run]


def execute(run: str | None = None, *, disk: str | None = None, printer: str | None = None,
            stdin=None, stdout=None,
            stderr=None, tier: str = "auto", memory: int = BOOT_MEMORY,
            stack: int = DEFAULT_STACK, fuel: int | None = None, deterministic: bool = False,
            minios=MINIOS, warn=None, **tier_options) -> int:
    """Boot minios with its console on the given streams (None: this
    process's) and its line printer appending to the file `printer` (none:
    it is switched off, its output dropped); the machine's exit status
    (the kernel powers off with it)."""
    kernel, image = prepare(minios, need_disk=disk is None, warn=warn)
    program = load_kernel(kernel)
    tmp = None
    try:
        if disk is None:                        # a private copy: the boot may write to it
            fd, tmp = tempfile.mkstemp(prefix="pvm-boot-", suffix=".img")
            with os.fdopen(fd, "wb") as f:
                f.write(image)
            disk = tmp
        elif not os.path.isfile(disk):
            raise BootError(f"pvm boot: {disk}: no such disk image")
        return api.execute(program, argv_for(run), stdin=stdin, stdout=stdout, stderr=stderr,
                           tier=tier, fuel=fuel, memory=memory, stack=stack,
                           devices=dict(disk=disk, printer=printer,
                                        deterministic=deterministic), **tier_options)
    finally:
        if tmp is not None:
            try:
                os.remove(tmp)
            except OSError:
                pass


def boot(run: str | None = None, *, stdin: bytes = b"", tier: str = "auto",
         disk: str | None = None, **kw) -> api.RunResult:
    """Boot minios with captured console: RunResult(status, stdout, stderr).
    A build error (no kernel, a compile error) is status 1 with its text on
    stderr, as on the command line."""
    out, err = io.BytesIO(), io.BytesIO()
    try:
        status = execute(run, disk=disk, stdin=io.BytesIO(stdin), stdout=out, stderr=err,
                         tier=tier, **kw)
    except PvmError as e:
        return api.RunResult(e.status, out.getvalue(), err.getvalue() + (str(e) + "\n").encode())
    return api.RunResult(status, out.getvalue(), err.getvalue())
