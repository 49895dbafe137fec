"""`pvm bench`: the benchmark suite on every tier, side by side with gcc -O2.

    pvm bench                         the whole suite (bench/*.c), several minutes
    pvm bench --quick                 small sizes, seconds: a smoke test
    pvm bench --long --tiers jit,gcc  about 5x the work at the full size
    pvm bench --only fib,sieve --tiers interp,jit,gcc --repeat 5
    pvm bench --json now.json --compare before.json --plot now.png
    pvm bench --program my.c --size 1000

Each benchmark runs at two sizes (the SUITE table below): the full size,
where gcc -O2 takes at least ~0.2 s, for the JIT, `auto`, gcc and clang
columns; and a smaller one for the interpreter, which would take minutes at
the full size.  `--long` puts the long size (about 5x the full size's work)
in the full size's place; the interpreter keeps its own.  Every run prints
`checksum:` and `work:`; times are compared per unit of work, so the two
sizes do not matter, and every checksum must equal what the gcc -O2 binary
prints at the same size, or the row is an error and the exit status is 1.

The pipeline: choose targets -> measure each (pvm/tools/bench/run.py) -> check
checksums -> derive ratios (pvm/tools/bench/results.py) -> table, JSON, comparison
and plot (pvm/tools/bench/table.py, pvm/tools/bench/data.py, pvm/tools/bench/plot.py).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import dataclass

from pvm import paths

ROOT = str(paths.ROOT)
BENCH_DIR = str(paths.BENCH)
TIER_NAMES = ("interp", "jit", "auto", "gcc", "clang")
# also measured when asked for: the same in-process runs under `pvm run --paged`
PAGED_TIERS = ("interp-paged", "jit-paged")


@dataclass(frozen=True)
class Sizes:
    """argv[1] of one benchmark, chosen on a 2-core Xeon (see bench/README.md)."""
    full: int          # JIT, auto, gcc, clang: gcc -O2 takes >= ~0.2 s
    interp: int        # the interpreter: a second or two
    quick_full: int    # --quick: every column well under a second
    quick_interp: int
    long: int          # --long, in full's place: about 5x its work


SUITE = {
    "fib":        Sizes(38, 27, 25, 15, 41),                    # 4.2x the work (42: 6.9x)
    "sieve":      Sizes(3_000_000, 30_000, 100_000, 2_000, 15_000_000),
    "qsort":      Sizes(1_000_000, 15_000, 50_000, 1_000, 4_500_000),
    "matmul_int": Sizes(600, 60, 60, 12, 1_030),
    "strhash":    Sizes(500_000, 8_000, 20_000, 500, 2_500_000),
    "nbody":      Sizes(1_000_000, 800, 5_000, 30, 5_000_000),
    "mandelbrot": Sizes(1_300, 120, 100, 15, 2_900),
    "matmul":     Sizes(600, 50, 60, 12, 1_030),
    "bintrees":   Sizes(16, 7, 10, 6, 18),                      # 4.6x (19: 9x)
    "fannkuch":   Sizes(10, 7, 8, 5, 11),                       # 11x: no size in between
    "recsort":    Sizes(700_000, 8_000, 50_000, 2_000, 3_500_000),
    "wordfreq":   Sizes(3_000_000, 15_000, 100_000, 2_000, 15_000_000),
    "kmeans":     Sizes(1_280, 4, 40, 1, 6_400),
    "lzcrc":      Sizes(10_000_000, 60_000, 300_000, 5_000, 50_000_000),
    "lcs":        Sizes(3_000, 4, 100, 1, 15_000),
    "dijkstra":   Sizes(250, 3, 10, 1, 1_250),
    "listsort":   Sizes(150, 2, 10, 1, 750),
    "sha256":     Sizes(400_000, 700, 20_000, 50, 2_000_000),
}


@dataclass(frozen=True)
class Target:
    """One program to measure: its source and argv[1] at each size (None: no argument)."""
    name: str
    path: str
    full: str | None
    interp: str | None


def suite_targets(only: list | None, quick: bool, long: bool = False) -> list:
    """The suite's programs (or those named) at the quick, full or long sizes;
    the interpreter keeps its own size under --long (its column is per unit)."""
    names = only or list(SUITE)
    out = []
    for name in names:
        s = SUITE[name]
        if quick:
            full, interp = s.quick_full, s.quick_interp
        else:
            full, interp = (s.long if long else s.full), s.interp
        out.append(Target(name, os.path.join(BENCH_DIR, name + ".c"), str(full), str(interp)))
    return out


def user_targets(paths: list, size: str | None, interp_size: str | None) -> list:
    interp = interp_size if interp_size is not None else size
    return [Target(os.path.splitext(os.path.basename(p))[0], os.path.abspath(p), size, interp)
            for p in paths]


# ---- the command line ---------------------------------------------------------------
def _names(text: str) -> list:
    return [n.strip() for n in text.split(",") if n.strip()]


def _repeat(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: '{text}'")
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: '{text}'")
    return n


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of `pvm bench` (pvm/cli.py adds them to its subparser)."""
    p.description = ("Run the benchmarks (bench/*.c) on the interpreter, the JIT and whole-process "
                     "`pvm run --tier=auto`, next to gcc -O2 (and clang -O2) on the same source; "
                     "compare per unit of work; check that every checksum agrees.")
    p.add_argument("--quick", action="store_true", help="small sizes: seconds, a smoke test")
    p.add_argument("--long", action="store_true",
                   help="the long sizes, about 5x the work of the full ones, for the jit, auto, "
                        "gcc and clang columns (the interpreter keeps its size: its column is "
                        "per unit of work); minutes more")
    p.add_argument("--only", type=_names, metavar="NAMES",
                   help=f"comma-separated benchmarks (of: {','.join(SUITE)})")
    p.add_argument("--tiers", type=_names, metavar="TIERS",
                   help="comma-separated columns to measure, of interp,jit,auto,gcc,clang "
                        "(default: all that are available), and interp-paged,jit-paged: "
                        "the same under --paged virtual memory")
    p.add_argument("--repeat", type=_repeat, default=3, metavar="N",
                   help="timed runs per column after one warm-up; the median is shown (default 3)")
    p.add_argument("--json", metavar="FILE", help="save results and a machine description as JSON")
    p.add_argument("--compare", metavar="OLD.json",
                   help="show the change per program from an earlier --json file; "
                        "flag slowdowns over 10%%")
    p.add_argument("--plot", metavar="FILE.png",
                   help="draw the speed-ups and the ratios to gcc (needs matplotlib)")
    p.add_argument("--program", action="append", metavar="FILE.c",
                   help="benchmark your own program instead of the suite (repeatable)")
    p.add_argument("--size", metavar="N", help="with --program: argv[1] (default: no argument)")
    p.add_argument("--interp-size", metavar="N",
                   help="with --program: argv[1] for the interpreter (default: --size)")
    p.add_argument("--plain", action="store_true",
                   help="plain text (a Markdown table) even when rich is installed")


def _check(a) -> str | None:
    """A usage problem, found before minutes of measuring, or None."""
    unknown = [n for n in a.only or () if n not in SUITE]
    if unknown:
        return f"unknown benchmark '{unknown[0]}' (choose from {', '.join(SUITE)})"
    bad = [t for t in a.tiers or () if t not in TIER_NAMES + PAGED_TIERS]
    if bad:
        return f"unknown tier '{bad[0]}' (choose from {', '.join(TIER_NAMES + PAGED_TIERS)})"
    if a.quick and a.long:
        return "--quick and --long choose different sizes: give one of them"
    if a.program and (a.only or a.quick or a.long):
        return ("--program measures your own program; --only, --quick and --long choose "
                "from the suite")
    if (a.size or a.interp_size) and not a.program:
        return "--size and --interp-size go with --program"
    for path in a.program or ():
        if not os.path.isfile(path):
            return f"{path}: no such file"
    if a.compare and not os.path.isfile(a.compare):
        return f"{a.compare}: no such file"
    if a.plot:
        from .plot import missing
        why = missing()
        if why:
            return why
    return None


def chosen_tiers(requested: list | None, warn) -> list:
    """The columns to measure: those asked for (or all), less what is not here."""
    tiers = list(requested or TIER_NAMES)
    if {"jit", "jit-paged", "auto"} & set(tiers):
        from .run import jit_unavailable
        why = jit_unavailable()
        for name in ("jit", "jit-paged"):
            if why and name in tiers:
                warn(f"no {name} column: {why}")
                tiers.remove(name)
        if why and "auto" in tiers:    # it would interpret the full size: minutes
            warn("no auto column: without the JIT it is the interpreter (see interp)")
            tiers.remove("auto")
    from .run import COMPILERS
    for cc in ("gcc", "clang"):
        if cc in tiers and shutil.which(COMPILERS[cc]) is None:
            if requested:                    # clang is optional unless asked for
                warn(f"no {cc} column: {cc} is not installed")
            tiers.remove(cc)
    return tiers


def main(a) -> int:
    """Run `pvm bench` with parsed arguments; returns the exit status."""
    def warn(text):
        print(f"pvm bench: {text}", file=sys.stderr)
    try:
        problem = _check(a)
        if problem:
            warn(problem)
            return 2
        return _bench(a, warn)
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except OSError as e:
        warn(f"{e.filename or ''}: {e.strerror}")
        return 2


def _bench(a, warn) -> int:
    from . import data as bench_data, results as bench_results, table as bench_table
    from .run import Runner
    skipped = []
    tiers = chosen_tiers(a.tiers, lambda text: (warn(text), skipped.append(text)))
    if a.program:
        targets = user_targets(a.program, a.size, a.interp_size)
    else:
        targets = suite_targets(a.only, a.quick, a.long)
    old = bench_data.load(a.compare) if a.compare else None
    machine = bench_data.describe_machine()
    use_rich = not a.plain and bench_table.rich_available()
    with bench_table.progress(len(targets), use_rich) as show:
        runner = Runner(tiers, a.repeat, show)
        try:
            rows = [runner.measure(t) for t in targets]
        finally:
            runner.close()
    report = bench_results.Report(rows, tiers, machine, a.repeat, a.quick, skipped,
                                  long=a.long)
    bench_table.print_report(report, use_rich)
    if old is not None:
        bench_table.print_comparison(bench_data.compare(old, report))
    if a.json:
        bench_data.save(a.json, report)
        print(f"results written to {a.json}")
    status = 1 if report.errors() else 0
    if a.plot:
        from .plot import plot
        try:
            plot(report, a.plot)
            print(f"chart written to {a.plot}")
        except ValueError as e:
            warn(str(e))
            status = status or 2
    return status


def run(argv: list | None = None) -> int:
    """`python -m pvm.tools.bench.suite ...`, for use before the subcommand is wired in."""
    p = argparse.ArgumentParser(prog="pvm bench")
    add_arguments(p)
    return main(p.parse_args(argv))


if __name__ == "__main__":
    sys.exit(run())
