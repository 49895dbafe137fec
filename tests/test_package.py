"""`import pvm` gives the API, and importing a lower layer does not drag in
the layers above it (pvm/__init__ loads the API on first use)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python(code: str) -> str:
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_a_lower_layer_imports_nothing_above_it():
    out = python("import sys, pvm.isa, pvm.bytecode.program; "
                 "print(sorted(m for m in sys.modules if m.startswith(('pvm.api', 'pvm.machine', "
                 "'pvm.exec', 'pvm.jit', 'pvm.interp', 'compiler'))))")
    assert out == "[]"


def test_the_api_is_there_after_import_pvm():
    assert python("import pvm; print(pvm.api.TIERS == pvm.TIERS, "
                  "pvm.run_source('int main(void){return 7;}').status)") == "True 7"
