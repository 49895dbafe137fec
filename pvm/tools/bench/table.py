"""Showing a bench run: the progress display, the results table, the comparison.

With `rich` importable the table is a rich Table (min-max on a dim second
line of each cell) and progress a rich progress bar; otherwise (or with
--plain) the table is plain aligned text that is also a GitHub Markdown
table, ready to paste into a README.  Errors never become numbers: a cell
whose checksum disagreed says so, and the full reason is listed below.
"""
from __future__ import annotations

import contextlib
import sys

from .results import RATIOS

RATIO_HEADERS = {"jit_speedup": "jit speed-up", "interp_gcc": "interp ÷ gcc",
                 "jit_gcc": "jit ÷ gcc", "auto_gcc": "auto ÷ gcc",
                 "interp_clang": "interp ÷ clang", "jit_clang": "jit ÷ clang",
                 "interp_paged": "interp paged ÷ bare", "jit_paged": "jit paged ÷ bare"}
TIME_HEADERS = {"interp": "interp /unit", "jit": "jit /unit", "auto": "auto (whole run)",
                "gcc": "gcc -O2 /unit", "clang": "clang -O2 /unit",
                "interp-paged": "interp paged /unit", "jit-paged": "jit paged /unit"}


def rich_available() -> bool:
    try:
        import rich  # noqa: F401
    except ImportError:
        return False
    return True


# ---- formatting ----------------------------------------------------------------------
def fmt_time(s: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def fmt_range(lo: float, hi: float) -> str:
    """`1.31–1.53 µs`; the unit is written once when both ends share it."""
    a, b = fmt_time(lo), fmt_time(hi)
    if a.split()[1] == b.split()[1]:
        return f"{a.split()[0]}–{b}"
    return f"{a}–{b}"


def fmt_size(size: str | None) -> str:
    """argv[1] as the table shows it: 2,000,000 reads better than 2000000."""
    if size is None:
        return "-"
    return f"{int(size):,}" if size.isdigit() else size


def fmt_ratio(x: float) -> str:
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def short_error(text: str) -> str:
    for start, label in (("checksum", "✗ checksum"), ("exit status", "✗ exit status"),
                         ("work", "✗ work"), ("runs disagree", "✗ unstable")):
        if text.startswith(start):
            return label
    return "✗ failed"


# ---- the table as cells ------------------------------------------------------------------
def columns(report) -> list:
    """(header, right-aligned) per column, in table order."""
    sizes = "size: full / interp" if "interp" in report.tiers else "size"
    cols = [("program", False), (sizes, False)]
    cols += [(TIME_HEADERS[t], True) for t in TIME_HEADERS if t in report.tiers]
    cols += [(RATIO_HEADERS[n], True) for n in ("jit_speedup",)
             if n in report.ratio_names()]
    if "jit" in report.tiers:
        cols.append(("LLVM ms", True))
    cols += [(RATIO_HEADERS[n], True) for n in report.ratio_names() if n != "jit_speedup"]
    return cols


def row_cells(report, row) -> list:
    """(text, second line or None, is_error) per column of one program."""
    t = row.target
    size = fmt_size(t.full)
    if "interp" in report.tiers:
        size += f" / {fmt_size(t.interp)}"
    cells = [(row.name, None, bool(row.error)), (size, None, False)]
    for tier in TIME_HEADERS:
        if tier in report.tiers:
            cells.append(_time_cell(row, tier))
    if "jit_speedup" in report.ratio_names():
        cells.append(_ratio_cell(row, "jit_speedup"))
    if "jit" in report.tiers:
        ms = row.llvm_median()
        n = len(row.columns["jit"].llvm_ms) if "jit" in row.columns else 0
        cells.append((f"{ms:.1f}" if ms is not None else "—", f"{n} functions" if n else None, False))
    cells += [_ratio_cell(row, n) for n in report.ratio_names() if n != "jit_speedup"]
    return cells


def _time_cell(row, tier):
    col = row.columns.get(tier)
    if row.error:
        return ("✗", None, True)
    if col is None or col.error:
        return (short_error(col.error) if col else "—", None, bool(col))
    v = row.seconds(tier) if tier == "auto" else row.per_unit(tier)
    return (fmt_time(v[0]), fmt_range(v[1], v[2]) if len(col.times) > 1 else None, False)


def _ratio_cell(row, name):
    if row.ratio(name) is None:
        broken = row.error or any(row.columns.get(t) is not None and row.columns[t].error
                                  for t in RATIOS[name])
        return ("✗" if broken else "—", None, bool(broken))
    return (fmt_ratio(row.ratio(name)), None, False)


def geomean_cells(report) -> list:
    g = report.geomeans()
    cells = [("geometric mean", None, False), ("", None, False)]
    cells += [("", None, False) for t in TIME_HEADERS if t in report.tiers]
    if "jit_speedup" in g:
        cells.append((fmt_ratio(g["jit_speedup"]) if g["jit_speedup"] else "—", None, False))
    if "jit" in report.tiers:
        ms = report.llvm_median()
        cells.append((f"{ms:.1f}" if ms is not None else "—", "median", False))
    cells += [(fmt_ratio(g[n]) if g[n] else "—", None, False) for n in g if n != "jit_speedup"]
    return cells


def legend(report) -> list:
    m = report.machine
    lines = [
        f"pvm {m.get('pvm_commit') or '?'}, "
        f"{m.get('date', '?')} on {m.get('cpu', '?')} ({m.get('cores', '?')} cores, load "
        f"{m.get('load', '?')}); Python {m.get('python', '?')}, LLVM {m.get('llvm', '-')}, "
        f"{m.get('gcc') or 'no gcc'}" + (f", {m['clang']}" if m.get("clang") else ""),
        (f"medians of {report.repeat} runs after a warm-up, with (min–max)" if report.repeat > 1
         else "one run after a warm-up") + "; /unit = time ÷ the program's work count.",
        "interp runs at the second size, every other column at the first "
        f"({'long' if report.long else 'quick' if report.quick else 'full'}) size; ratios "
        "are per unit of work; auto is a whole `pvm run --tier=auto` process.",
    ]
    if "jit" in report.tiers:
        lines.append("LLVM ms: median time per function of the program's own source to lower "
                     "it and run LLVM (O2, object code), each compiled alone, object cache off; "
                     "jit /unit is the steady state, after compiling.")
    return lines + report.notes()


# ---- printing ----------------------------------------------------------------------------
def print_report(report, use_rich: bool, file=None) -> None:
    file = file or sys.stdout
    cols = columns(report)
    body = [row_cells(report, r) for r in report.rows]
    foot = geomean_cells(report) if len(report.rows) > 1 else None
    if use_rich:
        _print_rich(cols, body, foot, legend(report), report.errors(), file)
        return
    _print_plain(cols, body, foot, file)
    for line in legend(report):
        print(line, file=file)
    for e in report.errors():
        print(f"ERROR {e}", file=file)


def _plain_text(cell) -> str:
    text, sub, _ = cell
    return f"{text} ({sub})" if sub else text


def _print_plain(cols, body, foot, file) -> None:
    rows = [[_plain_text(c) for c in cells] for cells in body]
    if foot:
        rows.append([f"**{_plain_text(c)}**" if c[0] else "" for c in foot])
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, (h, _) in enumerate(cols)]

    def line(cells):
        return "| " + " | ".join(c.rjust(w) if right else c.ljust(w)
                                 for c, w, (_, right) in zip(cells, widths, cols)) + " |"
    print(line([h for h, _ in cols]), file=file)
    print("|" + "|".join(("-" * (w + 1) + ":") if right else "-" * (w + 2)
                         for w, (_, right) in zip(widths, cols)) + "|", file=file)
    for r in rows:
        print(line(r), file=file)


def _print_rich(cols, body, foot, notes, errors, file) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text
    table = Table(show_lines=False)
    for header, right in cols:
        table.add_column(header, justify="right" if right else "left")

    def cell(c, bold=False):
        text, sub, err = c
        t = Text(text, style="bold red" if err else ("bold" if bold else ""))
        if sub:
            t.append("\n" + sub, style="dim")
        return t
    for i, cells in enumerate(body):
        table.add_row(*[cell(c) for c in cells], end_section=(i == len(body) - 1))
    if foot:
        table.add_row(*[cell(c, bold=True) for c in foot])
    # a wide table: do not squeeze it to 80 columns when writing to a file or pipe
    console = Console(file=file, width=None if file.isatty() else 200)
    console.print(table)
    for line in notes:
        console.print(line, style="dim", highlight=False)
    for e in errors:
        console.print(f"ERROR {e}", style="bold red", highlight=False)


def print_comparison(rows: list, file=None) -> None:
    """rows from data.compare: (program, tier, old, new, change, flag)."""
    file = file or sys.stdout
    print("\nchange from the earlier run (per unit of work; + is slower):", file=file)
    if not rows:
        print("  no program and tier in common", file=file)
        return
    width = max(len(r[0]) for r in rows)
    for name, tier, old, new, change, flag in rows:
        print(f"  {name:<{width}}  {tier:<6} {fmt_time(old):>10} -> {fmt_time(new):>10}  "
              f"{change:+7.1%}  {flag}".rstrip(), file=file)


# ---- progress ----------------------------------------------------------------------------
class _PlainProgress:
    """One updating line on a terminal; a line per program otherwise."""
    def __init__(self, programs: int):
        self.programs, self.done, self.name, self.tty = programs, 0, "", sys.stderr.isatty()

    def start(self, name: str, steps: int) -> None:
        self.name = name
        if not self.tty:
            print(f"pvm bench: {name} ({self.done + 1}/{self.programs})", file=sys.stderr)

    def step(self, what: str) -> None:
        if self.tty:
            text = f"[{self.done + 1}/{self.programs}] {self.name}: {what}"
            sys.stderr.write("\r" + text.ljust(60)[:79])
            sys.stderr.flush()

    def finish(self) -> None:
        self.done += 1

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\r" + " " * 79 + "\r")
            sys.stderr.flush()


class _RichProgress:
    def __init__(self, programs: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            console=Console(stderr=True), transient=True)
        self.programs, self.task = programs, None
        self.bar.start()

    def start(self, name: str, steps: int) -> None:
        if self.task is None:
            self.task = self.bar.add_task(name, total=steps * self.programs)
        self.name, self.end = name, self.bar.tasks[0].completed + steps

    def step(self, what: str) -> None:
        self.bar.update(self.task, advance=1, description=f"{self.name}: {what}")

    def finish(self) -> None:              # a column that failed early skips its steps
        self.bar.update(self.task, completed=self.end)

    def close(self) -> None:
        self.bar.stop()


@contextlib.contextmanager
def progress(programs: int, use_rich: bool):
    show = _RichProgress(programs) if use_rich else _PlainProgress(programs)
    try:
        yield show
    finally:
        show.close()
