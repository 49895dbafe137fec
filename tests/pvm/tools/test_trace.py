"""pvm run --trace[=FUNC] and --profile."""
from __future__ import annotations

import subprocess
import sys

import pytest

PROGRAM = """\
#include <stdio.h>

int fact(int n)
{
    if (n <= 1)
        return 1;
    return n * fact(n - 1);
}

int main(void)
{
    printf("%d\\n", fact(5));
    return 0;
}
"""


def pvm_run(tmp_path, *options):
    (tmp_path / "prog.c").write_text(PROGRAM)
    r = subprocess.run([sys.executable, "-m", "pvm", "run", *options, "prog.c"],
                       capture_output=True, timeout=120, cwd=tmp_path)
    assert b"Traceback" not in r.stderr, r.stderr.decode()
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def test_trace_prints_instructions_with_source_lines(tmp_path):
    status, out, err = pvm_run(tmp_path, "--trace")
    assert status == 0 and out == "120\n"
    assert "prog.c:12:     printf(\"%d\\n\", fact(5));" not in err  # lines are stripped
    assert 'prog.c:12: printf("%d\\n", fact(5));' in err
    assert "  main+0" in err and "  fact+0" in err and "  printf+0" in err
    assert err.count("prog.c:5: if (n <= 1)") == 5


def test_trace_of_one_function(tmp_path):
    status, out, err = pvm_run(tmp_path, "--trace=fact")
    assert status == 0 and out == "120\n"
    lines = err.splitlines()
    assert lines and all(l.startswith(("prog.c:", "  fact+")) for l in lines)
    assert sum(l.startswith("  fact+0 ") for l in lines) == 5


@pytest.mark.parametrize("tier", ["interp", "auto"])
def test_profile_counts_calls_and_instructions_per_function(tmp_path, tier):
    status, out, err = pvm_run(tmp_path, "--profile", f"--tier={tier}")
    assert status == 0 and out == "120\n"
    assert err.startswith("profile: ")
    rows = {l.split()[0]: l.split() for l in err.splitlines()[2:]}
    assert rows["fact"][1] == "interp" and rows["fact"][2] == "5"
    assert int(rows["fact"][3]) > 20
    assert rows["main"][2] == "1"
    total = int(err.split()[1])
    assert total == sum(int(r[3]) for r in rows.values())


def test_profile_reports_a_trap_too(tmp_path):
    (tmp_path / "bad.c").write_text("int main(void) { int *p = 0; return *p; }\n")
    r = subprocess.run([sys.executable, "-m", "pvm", "run", "--profile", "bad.c"],
                       capture_output=True, timeout=120, cwd=tmp_path)
    assert r.returncode == 139
    assert b"Segmentation fault: read of address 0x0 in main" in r.stderr
    assert b"profile: " in r.stderr
