"""`pvm cp`: copy a file between a minios disk image and the host.

    pvm cp IMG:/path HOSTFILE     copy out (HOSTFILE may be a directory)
    pvm cp HOSTFILE IMG:/path     copy in: create the file or replace its
                                  contents; /path may name a directory, or end
                                  in '/', to copy in under the host file's name

The image is changed in place.  Only regular files are copied; the parent
directory must exist in the image.  Errors are one line, exit status 1.
"""
from __future__ import annotations

import os

from pvm.abi.minifs import T_DIR
from pvm.errors import PvmError
from pvm.tools.fsimage import FsImageError, Image


class CpError(PvmError):
    """A copy that cannot be done (exit status 1)."""
    status = 1


def image_ref(arg: str):
    """(image file, path in it) if `arg` is IMG:/path with IMG an existing
    file, else None (a host path)."""
    at = arg.find(":/")
    while at > 0:
        if os.path.isfile(arg[:at]):
            return arg[:at], arg[at + 1:]
        at = arg.find(":/", at + 1)
    return None


def copy_out(img_file: str, path: str, host: str) -> None:
    img = Image.open(img_file)
    data = img.read_file(path)
    if os.path.isdir(host):
        host = os.path.join(host, path.rstrip("/").rsplit("/", 1)[-1])
    with open(host, "wb") as f:
        f.write(data)


def copy_in(host: str, img_file: str, path: str) -> None:
    with open(host, "rb") as f:
        data = f.read()
    img = Image.open(img_file)
    name = os.path.basename(host)
    if path.endswith("/"):
        path += name
    else:
        try:
            if img.inode(img.lookup(path)).type == T_DIR:
                path = path.rstrip("/") + "/" + name
        except FsImageError:
            pass                                        # a new file
    img.write_file(path, data)
    img.save(img_file)


def cp(src: str, dst: str) -> None:
    """Copy src to dst, exactly one of them IMG:/path (CpError if not possible)."""
    from_img, to_img = image_ref(src), image_ref(dst)
    if (from_img is None) == (to_img is None):
        raise CpError("pvm cp: name the image side as IMG:/path, the image an existing file "
                      "(one side only)")
    try:
        if from_img is not None:
            copy_out(*from_img, dst)
        else:
            copy_in(src, *to_img)
    except FsImageError as e:
        raise CpError(f"pvm cp: {(from_img or to_img)[0]}: {e}") from None
    except OSError as e:
        raise CpError(f"pvm cp: {e.filename}: {e.strerror}") from None


def main(src: str, dst: str) -> int:
    cp(src, dst)
    return 0
