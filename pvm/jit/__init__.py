"""The llvmlite JIT tier (see tier.py for how it meets the interpreter)."""
