"""pvm: a programming-environment virtual machine.

The Python API (see pvm/api.py):

    import pvm
    r = pvm.run_source('#include <stdio.h>\\nint main(void) { puts("hi"); return 0; }')
    assert r.stdout == b"hi\\n" and r.status == 0

The API's names are loaded on first use (PEP 562), so that importing a
lower layer (`pvm.isa`, `pvm.bytecode`, what the compiler uses) does not
import the machine, the run loop and the tiers above it.
"""
__all__ = ["FEATURES", "TIERS", "RunResult", "compile_file", "compile_source", "execute",
           "load", "run", "run_file", "run_source"]


def __getattr__(name: str):
    if name in __all__:
        from pvm import api
        return getattr(api, name)
    if name == "api":             # `import pvm; pvm.api.execute(...)`
        import importlib
        return importlib.import_module("pvm.api")
    raise AttributeError(f"module 'pvm' has no attribute {name!r}")
