"""pvm: a programming-environment virtual machine.

The Python API (see pvm/api.py):

    import pvm
    r = pvm.run_source('#include <stdio.h>\\nint main(void) { puts("hi"); return 0; }')
    assert r.stdout == b"hi\\n" and r.status == 0
"""
from .api import (FEATURES, TIERS, RunResult, compile_file, compile_source, execute, load,
                  run, run_file, run_source)

__all__ = ["FEATURES", "TIERS", "RunResult", "compile_file", "compile_source", "execute",
           "load", "run", "run_file", "run_source"]
