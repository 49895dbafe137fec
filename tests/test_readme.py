"""Every command and example in README.md runs and does what it says."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def shell_examples() -> list[str]:
    """The `$ command` lines of the README's console examples."""
    return [m.group(1).split("  #")[0].strip() for m in re.finditer(r"^\$ (.+)$", README, re.M)]


def test_readme_starts_with_the_two_setup_commands():
    lines = [l for l in README.splitlines() if l.startswith("    ")][:2]
    assert lines[0].strip().startswith("pip install -e . && pvm run examples/hello.c")
    assert "pytest" in lines[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "README.md" in ci


def test_console_examples_run(tmp_path):
    """Run the README's session in order, in a copy of the examples."""
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"],
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for d in ("examples", "bench"):             # tests never write into the checkout
        shutil.copytree(ROOT / d, tmp_path / d)
    for cmd in shell_examples():
        cmd = re.sub(r";\s*echo \$\?$", "", cmd)          # the shell's part of the line
        assert shlex.split(cmd)[0] == "pvm"
        shell = f"{shlex.quote(sys.executable)} -m {cmd}"     # the pvm of this Python
        r = subprocess.run(shell, shell=True, cwd=tmp_path, capture_output=True, env=env,
                           timeout=600)
        assert b"Traceback" not in r.stderr, cmd
        if "args.c" in cmd:
            assert r.returncode == 2 and b"one" in r.stdout, (cmd, r.stdout)
        else:
            assert r.returncode == 0, (cmd, r.stderr)
    for f in ("primes.pvm", "primes.s", "again.pvm"):
        assert (tmp_path / f).exists() and not (ROOT / f).exists()
    assert (tmp_path / "primes.pvm").read_bytes() == (tmp_path / "again.pvm").read_bytes()


def test_python_api_example(monkeypatch):
    block = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})


@pytest.mark.parametrize("status", ["139", "136", "152", "70"])
def test_trap_table_matches_errors_module(status):
    from pvm import errors
    assert int(status) in {errors.EXIT_SEGV, errors.EXIT_FPE, errors.EXIT_FUEL, errors.EXIT_INTERNAL}
