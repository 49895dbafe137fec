"""From measurements to the numbers in the table: checks, per-unit times, ratios.

Every figure is derived here once, so the table, the JSON file, the
comparison and the chart cannot disagree.  Times are compared per unit of
work (seconds / the `work:` count), which is what makes the interpreter's
smaller size comparable with the others.  A column whose checksum, work
count or exit status differs from the reference (the gcc -O2 binary at the
same size) is an error: it gets no number and no ratio.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

# ratio name -> (numerator tier, denominator tier); all are "per unit of work"
RATIOS = {
    "jit_speedup": ("interp", "jit"),     # how many times faster the JIT is
    "interp_gcc": ("interp", "gcc"),
    "jit_gcc": ("jit", "gcc"),
    "auto_gcc": ("auto", "gcc"),
    "interp_clang": ("interp", "clang"),
    "jit_clang": ("jit", "clang"),
    "interp_paged": ("interp-paged", "interp"),   # what paging costs (slow-down)
    "jit_paged": ("jit-paged", "jit"),
}


@dataclass
class Row:
    target: object                                   # bench.Target
    columns: dict = field(default_factory=dict)      # tier -> run.Column
    references: dict = field(default_factory=dict)   # size -> run.Output
    reference_note: str | None = None
    error: str | None = None                         # the program itself failed

    @property
    def name(self) -> str:
        return self.target.name

    def check(self) -> None:
        """Mark every column that disagrees with its reference."""
        for col in self.columns.values():
            if col.error or col.output is None:
                continue
            ref = self.references.get(col.size) or self._first_at(col.size)
            if ref is None or ref is col.output:
                continue
            out = col.output
            if out.checksum != ref.checksum:
                col.error = (f"checksum {out.checksum} differs from the reference "
                             f"{ref.checksum} (size {col.size})")
            elif out.status != ref.status:
                col.error = f"exit status {out.status}, the reference exits {ref.status}" + (
                    f": {out.problem}" if out.problem else "")
            elif out.work != ref.work:
                col.error = f"work {out.work} differs from the reference's {ref.work}"

    def _first_at(self, size):
        """Without gcc, the first pvm tier at a size is the reference for the rest."""
        for col in self.columns.values():
            if col.size == size and col.output is not None and not col.error:
                return col.output
        return None

    def per_unit(self, tier: str):
        """(median, min, max) seconds per unit of work, or None."""
        col = self.columns.get(tier)
        if col is None or col.error or not col.times:
            return None
        w = col.output.work
        return statistics.median(col.times) / w, min(col.times) / w, max(col.times) / w

    def seconds(self, tier: str):
        """(median, min, max) whole-run seconds, or None."""
        col = self.columns.get(tier)
        if col is None or col.error or not col.times:
            return None
        return statistics.median(col.times), min(col.times), max(col.times)

    def ratio(self, name: str):
        a, b = (self.per_unit(t) for t in RATIOS[name])
        if a is None or b is None or b[0] <= 0:
            return None
        return a[0] / b[0]

    def llvm_median(self):
        col = self.columns.get("jit")
        return statistics.median(col.llvm_ms) if col is not None and col.llvm_ms else None

    def errors(self) -> list:
        out = [f"{self.name}: {self.error}"] if self.error else []
        out += [f"{self.name} {t}: {c.error}" for t, c in self.columns.items() if c.error]
        return out


def geomean(values: list):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


class Report:
    """All rows of one run, checked, with the summary figures."""
    def __init__(self, rows: list, tiers: list, machine: dict, repeat: int, quick: bool,
                 skipped: list = (), long: bool = False):
        self.rows, self.tiers, self.machine = rows, tiers, machine
        self.repeat, self.quick, self.long = repeat, quick, long
        self.skipped = list(skipped)             # columns left out, and why
        for row in rows:
            row.check()

    def errors(self) -> list:
        return [e for row in self.rows for e in row.errors()]

    def ratio_names(self) -> list:
        return [n for n, (a, b) in RATIOS.items() if a in self.tiers and b in self.tiers]

    def geomeans(self) -> dict:
        """Geometric mean of each ratio over the programs that have it."""
        return {n: geomean([r.ratio(n) for r in self.rows]) for n in self.ratio_names()}

    def llvm_median(self):
        """Median LLVM time over every compilation of every program."""
        ms = [x for r in self.rows if "jit" in r.columns for x in r.columns["jit"].llvm_ms]
        return statistics.median(ms) if ms else None

    def notes(self) -> list:
        out = list(self.skipped)
        for row in self.rows:
            if row.reference_note:
                out.append(f"{row.name}: {row.reference_note}")
            col = row.columns.get("jit")
            for note in col.jit_notes if col else ():
                out.append(f"{row.name}: jit {note} (that function ran on the interpreter)")
        return out
