"""The llvmlite JIT tier (see tier.py for how it meets the interpreter).

Importing this package does not import llvmlite, and neither does running
native code that is already in the disk cache (engine.py, objload.py): only
compiling does.  `available()` says whether the tier can run here, so that
`--tier=auto` can quietly stay in the interpreter where it cannot.
"""
from __future__ import annotations


def available(load: bool = True) -> str | None:
    """None if the JIT can run here, else why not.  With `load`, import
    llvmlite to make sure; without, only look for it (a start-up that may
    never compile anything should not pay ~40 ms for the import; a broken
    llvmlite then shows when the first compilation is refused)."""
    import os
    import sys
    if not sys.platform.startswith("linux") or os.uname().machine != "x86_64":
        return "native code is x86-64 Linux only (pvm/jit/objload.py loads ELF x86-64 objects)"
    if not load:
        import importlib.util
        return None if importlib.util.find_spec("llvmlite") else "llvmlite is not installed"
    try:
        import llvmlite.binding  # noqa: F401
    except Exception as e:       # ImportError, or a broken shared library
        return f"llvmlite cannot be imported ({e})"
    return None
