"""The llvmlite JIT tier (see tier.py for how it meets the interpreter).

Importing this package does not import llvmlite: `available()` says whether
the tier can run here, so that `--tier=auto` can quietly stay in the
interpreter where it cannot.
"""
from __future__ import annotations


def available() -> str | None:
    """None if the JIT can run here, else why not."""
    try:
        import llvmlite.binding  # noqa: F401
    except Exception as e:       # ImportError, or a broken shared library
        return f"llvmlite cannot be imported ({e})"
    return None
