"""`pvm bench`: the table, the checksum checks, JSON, --compare, --program.

Runs are in-process through add_arguments/main, as the `pvm bench`
subcommand runs them.  One quick run of the suite with every tier is shared
by the tests that read its table or JSON; the other tests measure a tiny
program of their own on the cheap columns.  Nothing here asserts on a
timing: only on structure, checksums and flags.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys

import pytest

from pvm.tools.bench import suite as bench, data as bench_data, plot as bench_plot, run as bench_run
from pvm.tools.bench.results import geomean
from pvm.tools.bench.table import fmt_range, fmt_time

needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc is not installed")


def run_bench(*argv) -> tuple:
    """(exit status, stdout, stderr) of `pvm bench ARGV...`, wired as pvm/cli.py would."""
    top = argparse.ArgumentParser(prog="pvm")
    sub = top.add_subparsers(dest="command")
    bench.add_arguments(sub.add_parser("bench"))
    args = top.parse_args(["bench", *argv])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = bench.main(args)
    return status, out.getvalue(), err.getvalue()


def table_rows(text: str) -> dict:
    """First cell -> the cells of each row of the plain (Markdown) table."""
    rows = {}
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| program"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0].strip("*")] = cells
    return rows


def write(path, text: str) -> str:
    path.write_text(text)
    return str(path)


SMALL = """#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    long s = 0;
    for (int i = 0; i < n; i++) s += (long)i * i % 7;
    printf("checksum: %ld\\nwork: %d\\n", s, n);
    return 0;
}
"""

# a program whose answer depends on who compiled it: a wrong checksum on pvm
WRONG = """#include <stdio.h>
int main(void) {
#ifdef __pvm__
    puts("checksum: 1");
#else
    puts("checksum: 2");
#endif
    return 0;
}
"""


# ---- one quick run of the suite on every tier ------------------------------------------
@needs_gcc
def test_quick_run_of_fib_and_sieve_on_every_tier(tmp_path):
    """One test, not several sharing a fixture: pytest-xdist would run the
    fixture once per worker, and this is the expensive run."""
    path = tmp_path / "quick.json"
    status, out, err = run_bench("--quick", "--only", "fib,sieve", "--repeat", "1", "--plain",
                                 "--json", str(path))
    assert status == 0, out + err
    assert "Traceback" not in err

    # the table: a row per program and a geometric mean, every column, no errors
    rows = table_rows(out)
    assert {"fib", "sieve", "geometric mean"} <= set(rows)
    header = next(l for l in out.splitlines() if l.startswith("| program"))
    for column in ("size: full / interp", "interp /unit", "jit /unit", "auto (whole run)",
                   "gcc -O2 /unit", "jit speed-up", "LLVM ms", "interp ÷ gcc", "jit ÷ gcc",
                   "auto ÷ gcc"):
        assert column in header
    assert rows["sieve"][1] == "100,000 / 2,000" == \
        f"{bench.SUITE['sieve'].quick_full:,} / {bench.SUITE['sieve'].quick_interp:,}"
    # every ratio column has a mean (the time columns have none; a clang
    # column appears when clang is installed)
    names = [c.strip() for c in header.strip("|").split("|")]
    means = rows["geometric mean"][names.index("jit speed-up"):]
    assert means and all(means), rows["geometric mean"]
    assert "ERROR" not in out and "✗" not in out

    # the checksums: every tier printed what the gcc binary prints at its size
    data = json.loads(path.read_text())
    assert data["errors"] == []
    for program in data["programs"]:
        assert set(program["tiers"]) >= {"interp", "jit", "auto", "gcc"}
        for tier in program["tiers"].values():
            ref = program["reference"][tier["size"]]
            assert tier["error"] is None
            assert (tier["checksum"], tier["work"], tier["status"]) == \
                (ref["checksum"], ref["work"], ref["status"])
        assert program["tiers"]["interp"]["size"] != program["tiers"]["jit"]["size"]

    # the JSON file: the machine description and the derived figures
    machine = data["machine"]
    for key in ("date", "cpu", "cores", "python", "llvm", "gcc"):
        assert machine[key], key
    assert data["format"] == bench_data.FORMAT
    assert data["options"] == {"repeat": 1, "quick": True, "long": False,
                               "tiers": ["interp", "jit", "auto", "gcc"] +
                               (["clang"] if shutil.which("clang") else [])}
    fib = data["programs"][0]
    assert fib["name"] == "fib" and fib["source"] == "bench/fib.c"
    assert len(fib["tiers"]["jit"]["times"]) == 1 and fib["tiers"]["jit"]["llvm_ms"]
    assert fib["ratios"]["jit_speedup"] > 0 and data["geomean"]["jit_gcc"] > 0


# ---- checksums that disagree are errors, never numbers ------------------------------------
@needs_gcc
def test_a_program_that_prints_another_checksum_on_pvm_is_an_error(tmp_path):
    src = write(tmp_path / "wrong.c", WRONG)
    status, out, err = run_bench("--program", src, "--tiers", "interp,gcc", "--repeat", "1",
                                 "--plain")
    assert status == 1
    assert table_rows(out)["wrong"][2] == "✗ checksum"
    assert "ERROR wrong interp: checksum 1 differs from the reference 2" in out


def fake_compiler(tmp_path, checksum: int) -> str:
    """A 'gcc' whose binaries print a fixed checksum whatever the source says."""
    script = tmp_path / "fakecc"
    script.write_text(f"""#!{sys.executable}
import os, sys
out = sys.argv[sys.argv.index("-o") + 1]
with open(out, "w") as f:
    f.write("#!/bin/sh\\necho 'checksum: {checksum}'\\necho 'work: 10'\\n")
os.chmod(out, 0o755)
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_a_checksum_that_differs_from_the_reference_is_reported(tmp_path, monkeypatch):
    monkeypatch.setitem(bench_run.COMPILERS, "gcc", fake_compiler(tmp_path, 999))
    src = write(tmp_path / "small.c", SMALL)
    status, out, err = run_bench("--program", src, "--size", "20", "--tiers", "interp,gcc",
                                 "--repeat", "1", "--plain")
    assert status == 1
    cells = table_rows(out)["small"]
    assert cells[2] == "✗ checksum" and cells[4] == "✗"        # no ratio from a wrong run
    assert "differs from the reference 999 (size 20)" in out


# ---- --program -----------------------------------------------------------------------------
@needs_gcc
def test_program_benchmarks_a_users_own_program(tmp_path):
    src = write(tmp_path / "small.c", SMALL)
    path = tmp_path / "small.json"
    status, out, err = run_bench("--program", src, "--size", "2000", "--interp-size", "500",
                                 "--tiers", "interp,auto,gcc", "--repeat", "2", "--plain",
                                 "--json", str(path))
    assert status == 0, out + err
    cells = table_rows(out)["small"]
    assert cells[1] == "2,000 / 500"
    assert "–" in cells[2]                                     # min–max of two runs
    data = json.loads(path.read_text())
    tiers = data["programs"][0]["tiers"]
    assert tiers["interp"]["work"] == 500 and tiers["gcc"]["work"] == 2000
    assert len(tiers["auto"]["times"]) == 2
    assert "geometric mean" not in table_rows(out)             # one program: no mean row


@needs_gcc
def test_a_program_without_work_or_checksum_lines_is_compared_by_its_output(tmp_path):
    src = write(tmp_path / "plain.c",
                '#include <stdio.h>\nint main(void) { puts("hi"); return 3; }\n')
    path = tmp_path / "plain.json"
    status, out, err = run_bench("--program", src, "--tiers", "interp,gcc", "--repeat", "1",
                                 "--plain", "--json", str(path))
    assert status == 0, out + err
    interp = json.loads(path.read_text())["programs"][0]["tiers"]["interp"]
    assert interp["work"] == 1 and interp["status"] == 3
    assert interp["checksum"].startswith("stdout ")
    assert table_rows(out)["plain"][1] == "- / -"


@needs_gcc
def test_a_trap_on_pvm_matches_the_native_crash(tmp_path):
    src = write(tmp_path / "crash.c", "int main(void) { return *(volatile int *)0; }\n")
    status, out, err = run_bench("--program", src, "--tiers", "interp,gcc", "--repeat", "1",
                                 "--plain")
    assert status == 0, out           # both die of SIGSEGV: status 139 on both
    assert "ERROR" not in out


@needs_gcc
def test_a_program_that_does_not_compile_is_an_error_row(tmp_path):
    src = write(tmp_path / "bad.c", "int main(void) { return x; }\n")
    status, out, err = run_bench("--program", src, "--tiers", "interp", "--repeat", "1",
                                 "--plain")
    assert status == 1
    assert "ERROR bad: does not compile on pvm: " in out and "undeclared" in out


@needs_gcc
def test_clang_gets_its_columns_when_installed(tmp_path, monkeypatch):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "clang").write_text('#!/bin/sh\nexec gcc "$@"\n')
    (fake / "clang").chmod(0o755)
    monkeypatch.setitem(bench_run.COMPILERS, "clang", str(fake / "clang"))
    src = write(tmp_path / "small.c", SMALL)
    status, out, err = run_bench("--program", src, "--tiers", "interp,gcc,clang", "--repeat", "1",
                                 "--plain")
    assert status == 0, out + err
    assert "clang -O2 /unit" in out and "interp ÷ clang" in out


# ---- --compare -------------------------------------------------------------------------------
@needs_gcc
def test_compare_flags_a_regression_over_ten_percent(tmp_path):
    src = write(tmp_path / "small.c", SMALL)
    old = tmp_path / "old.json"
    args = ("--program", src, "--size", "300", "--tiers", "interp,gcc", "--repeat", "1", "--plain")
    assert run_bench(*args, "--json", str(old))[0] == 0
    data = json.loads(old.read_text())
    interp = data["programs"][0]["tiers"]["interp"]["per_unit"]
    # the old run was a thousand times faster: a regression whatever the noise
    # (the first run of a program is also slower: it translates and caches)
    interp["median"] /= 1000
    old.write_text(json.dumps(data))
    status, out, err = run_bench(*args, "--compare", str(old))
    assert status == 0
    line = next(l for l in out.splitlines() if l.strip().startswith("small") and "interp" in l)
    assert "REGRESSION" in line and "+" in line
    gcc = next(l for l in out.splitlines() if l.strip().startswith("small") and " gcc " in l)
    assert "(reference)" in gcc


def test_compare_refuses_a_file_that_is_not_bench_json(tmp_path):
    bad = write(tmp_path / "old.json", '{"something": "else"}')
    status, out, err = run_bench("--program", write(tmp_path / "s.c", SMALL), "--compare", bad)
    assert status == 2
    assert "not a pvm bench JSON file" in err and "Traceback" not in err


# ---- usage and options -------------------------------------------------------------------------
@pytest.mark.parametrize("argv, message", [
    (("--only", "fib,nope"), "unknown benchmark 'nope'"),
    (("--tiers", "interp,pypy"), "unknown tier 'pypy'"),
    (("--size", "3"), "--size and --interp-size go with --program"),
    (("--program", "/no/such.c"), "/no/such.c: no such file"),
    (("--program", "x.c", "--quick"), "--program measures your own program; --only, --quick"),
    (("--program", "x.c", "--long"), "--program measures your own program; --only, --quick and --long"),
    (("--quick", "--long"), "--quick and --long choose different sizes: give one of them"),
])
def test_bad_usage_is_one_clear_line(argv, message):
    status, out, err = run_bench(*argv)
    assert status == 2
    assert len(err.splitlines()) == 1 and err.startswith(f"pvm bench: {message}")


def test_plot_without_matplotlib_says_so_before_measuring(monkeypatch, tmp_path):
    monkeypatch.setattr(bench_plot, "missing", lambda: "--plot needs matplotlib, which is "
                                                       "not installed (pip install matplotlib)")
    status, out, err = run_bench("--only", "fib", "--plot", str(tmp_path / "x.png"))
    assert status == 2 and "pip install matplotlib" in err and out == ""


@needs_gcc
def test_plot_draws_a_png(tmp_path):
    pytest.importorskip("matplotlib")
    png = tmp_path / "chart.png"
    src = write(tmp_path / "small.c", SMALL)
    status, out, err = run_bench("--program", src, "--size", "300", "--tiers", "interp,gcc",
                                 "--repeat", "1", "--plot", str(png))
    assert status == 0, out + err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_gcc
def test_rich_table_has_the_same_rows(tmp_path):
    pytest.importorskip("rich")
    src = write(tmp_path / "small.c", SMALL)
    status, out, err = run_bench("--program", src, "--tiers", "interp,gcc", "--repeat", "1")
    assert status == 0 and "small" in out and "interp ÷ gcc" in out


def test_missing_jit_drops_its_columns_and_says_why(monkeypatch):
    monkeypatch.setattr(bench_run, "jit_unavailable", lambda: "llvmlite cannot be imported (test)")
    said = []
    tiers = bench.chosen_tiers(None, said.append)
    assert "jit" not in tiers and "auto" not in tiers and "interp" in tiers
    assert said[0] == "no jit column: llvmlite cannot be imported (test)"
    assert said[1].startswith("no auto column: without the JIT it is the interpreter")


# ---- the pieces ----------------------------------------------------------------------------------
def test_parse_output_reads_checksum_and_work():
    out = bench_run.parse_output(b"checksum: -42\nwork: 7\nenergy: 1 2\n", 0)
    assert (out.checksum, out.work) == ("-42", 7)
    bare = bench_run.parse_output(b"hello\n", 0)
    assert bare.work == 1 and bare.checksum.startswith("stdout ")
    assert bare.checksum != bench_run.parse_output(b"hello!\n", 0).checksum


def test_formats_and_geomean():
    assert [fmt_time(x) for x in (2.5, 0.0125, 3.2e-6, 1.5e-9)] == \
        ["2.5 s", "12.5 ms", "3.2 µs", "1.5 ns"]
    assert fmt_range(1.31e-6, 1.53e-6) == "1.31–1.53 µs"
    assert fmt_range(0.9e-9, 1.2e-6) == "0.9 ns–1.2 µs"
    assert geomean([2.0, 8.0]) == pytest.approx(4.0)
    assert geomean([None, 3.0]) == pytest.approx(3.0) and geomean([None]) is None


def test_every_suite_program_exists_and_sizes_shrink():
    for name, s in bench.SUITE.items():
        assert os.path.isfile(os.path.join(bench.BENCH_DIR, name + ".c"))
        assert s.quick_interp <= s.interp <= s.full < s.long
        assert s.quick_interp <= s.quick_full <= s.full


def test_long_uses_the_long_sizes_and_the_interpreter_keeps_its_own():
    default = bench.suite_targets(None, quick=False)
    long = bench.suite_targets(None, quick=False, long=True)
    assert [t.name for t in long] == [t.name for t in default] == list(bench.SUITE)
    for t, d in zip(long, default):
        s = bench.SUITE[t.name]
        assert (t.full, t.interp) == (str(s.long), str(s.interp))
        assert (d.full, d.interp) == (str(s.full), str(s.interp)) and t.path == d.path
    only = bench.suite_targets(["sha256", "fib"], quick=False, long=True)
    assert [(t.name, t.full) for t in only] == [("sha256", str(bench.SUITE["sha256"].long)),
                                                ("fib", str(bench.SUITE["fib"].long))]


@needs_gcc
def test_long_run_measures_the_long_size_and_says_so(tmp_path):
    """fib at its long size on gcc alone: half a second."""
    path = tmp_path / "long.json"
    status, out, err = run_bench("--long", "--only", "fib", "--tiers", "gcc", "--repeat", "1",
                                 "--plain", "--json", str(path))
    assert status == 0, out + err
    s = bench.SUITE["fib"]
    assert table_rows(out)["fib"][1] == str(s.long)                # no interp column
    assert "every other column at the first (long) size" in out
    data = json.loads(path.read_text())
    assert data["options"]["long"] is True and data["options"]["quick"] is False
    gcc = data["programs"][0]["tiers"]["gcc"]
    assert gcc["size"] == str(s.long) and gcc["work"] == 2 * 267914296 - 1   # 2 fib(42) - 1


@pytest.mark.slow
@needs_gcc
def test_long_sizes_are_about_five_times_the_work(tmp_path):
    """The work: line of gcc -O2 binaries at the full and long sizes (half a
    minute: the long sizes take gcc 0.5-4 s each)."""
    for name, s in bench.SUITE.items():
        exe = str(tmp_path / name)
        subprocess.run(["gcc", "-O2", os.path.join(bench.BENCH_DIR, name + ".c"), "-o", exe,
                        "-lm"], check=True)
        work = [bench_run.parse_output(subprocess.run([exe, str(size)], capture_output=True,
                                                      check=True).stdout, 0).work
                for size in (s.full, s.long)]
        assert 4 < work[1] / work[0] < 12, (name, work)        # fannkuch 11x


# ---- every program of the suite prints gcc's answer on both tiers ----------------------------
# The ten programs pvm was tuned on run on the JIT only with -m slow (each
# compiles its libc with LLVM on a cold cache: 5-15 s); the eight of issue
# 20, which it has never been tuned on, run on both tiers by default.
TUNED = ("fib", "sieve", "qsort", "matmul_int", "strhash", "nbody", "mandelbrot", "matmul",
         "bintrees", "fannkuch")


def _tier_cases():
    for name in bench.SUITE:
        yield pytest.param(name, "interp", id=f"{name}-interp")
        yield pytest.param(name, "jit", id=f"{name}-jit",
                           marks=[pytest.mark.slow] if name in TUNED else [])


@needs_gcc
@pytest.mark.parametrize("name, tier", list(_tier_cases()))
def test_suite_program_prints_what_gcc_prints(name, tier, tmp_path):
    """At the quick sizes (the interpreter at quick_interp, the JIT, every
    function compiled before its first call, at quick_full): the whole
    output and the exit status of the gcc -O2 binary, not only the checksum."""
    import pvm
    s = bench.SUITE[name]
    size = str(s.quick_interp if tier == "interp" else s.quick_full)
    src = os.path.join(bench.BENCH_DIR, name + ".c")
    exe = str(tmp_path / name)
    subprocess.run(["gcc", "-O2", src, "-o", exe, "-lm"], check=True)
    native = subprocess.run([exe, size], capture_output=True)
    assert native.returncode == 0 and b"checksum: " in native.stdout
    r = pvm.run_file(src, [size], tier=tier)
    assert (r.status, r.stdout.decode()) == (0, native.stdout.decode()), r.stderr


def test_tuned_names_the_first_ten_programs_of_the_suite():
    assert list(bench.SUITE)[:len(TUNED)] == list(TUNED) and len(bench.SUITE) > len(TUNED)


# ---- the cost of paging: the same in-process runs under --paged ------------------------------
def test_paged_columns_measure_the_same_work_and_show_the_ratio():
    status, out, err = run_bench("--quick", "--only", "sieve", "--tiers", "interp,interp-paged",
                                 "--repeat", "1", "--plain")
    assert status == 0, err
    assert "interp paged /unit" in out and "interp paged ÷ bare" in out
    cells = table_rows(out)["sieve"]
    assert float(cells[-1]) > 0                 # checksums agreed, so the ratio is a number
