"""The C headers generated from the ABI tables, and the command that writes them.

`python -m pvm.abi` rewrites every one; tests/pvm/abi checks that the files on
disk equal what the tables produce now.
"""
from __future__ import annotations

import pathlib

from pvm.abi import errno, fcntl, memmap, minifs, syscalls

CHECKOUT = pathlib.Path(__file__).resolve().parents[2]

# path in the checkout -> the function producing its whole text
GENERATED = {
    "stdlib/include/sys/syscall.h": syscalls.header,
    "stdlib/include/errno.h": errno.header,
    "stdlib/include/fcntl.h": fcntl.header,
    "stdlib/include/pvm/machine.h": memmap.header,
    "stdlib/include/pvm/fs.h": minifs.header,
    "stdlib/include/sys/stat.h": minifs.stat_header,
    "minios/include/systab.h": syscalls.kernel_table,
}


def write_all(root: pathlib.Path = CHECKOUT) -> list[pathlib.Path]:
    """Write every generated header under `root`; return the paths written."""
    written = []
    for rel, generate in GENERATED.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(generate())
        written.append(target)
    return written


def main() -> None:
    for path in write_all():
        print(f"wrote {path}")
