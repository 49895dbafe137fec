"""Bench results as data: the machine description, the JSON file, comparisons.

The JSON file (`pvm bench --json FILE`) holds everything needed to judge a
run later: the machine (CPU model, cores, load, Python/LLVM/gcc/clang
versions, pvm's git commit, the date) and, per program, each column's size,
raw times, work count, checksum and error, with the derived per-unit
figures and ratios.  `--compare OLD.json` reads such a file back.
"""
from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess

from pvm.paths import ROOT as _ROOT
from .results import RATIOS

ROOT = str(_ROOT)

FORMAT = "pvm-bench 1"
REGRESSION = 0.10          # slower per unit of work by more than this is flagged
COMPARED = ("interp", "jit", "auto", "gcc", "clang")


# ---- the machine ------------------------------------------------------------------------
def _first_line(argv: list) -> str | None:
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30, cwd=ROOT)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = r.stdout.strip().splitlines()
    return lines[0].strip() if r.returncode == 0 and lines else None


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def _llvm() -> tuple:
    try:
        import llvmlite
        import llvmlite.binding as llvm
        return ".".join(map(str, llvm.llvm_version_info)), llvmlite.__version__
    except Exception:
        return None, None


def describe_machine() -> dict:
    llvm, llvmlite = _llvm()
    try:
        load = f"{os.getloadavg()[0]:.1f}"
    except OSError:
        load = None
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": _cpu_model(), "cores": usable, "load": load,
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": platform.python_version(), "llvm": llvm, "llvmlite": llvmlite,
        "gcc": _first_line(["gcc", "--version"]), "clang": _first_line(["clang", "--version"]),
        "pvm_commit": _first_line(["git", "describe", "--always", "--dirty"]),
    }


# ---- writing and reading ------------------------------------------------------------------
def _triple(v):
    return None if v is None else {"median": v[0], "min": v[1], "max": v[2]}


def to_json(report) -> dict:
    programs = []
    for row in report.rows:
        t = row.target
        tiers = {}
        for tier, col in row.columns.items():
            out = col.output
            tiers[tier] = {
                "size": col.size, "times": col.times, "error": col.error,
                "checksum": out.checksum if out else None, "work": out.work if out else None,
                "status": out.status if out else None,
                "per_unit": _triple(row.per_unit(tier)), "seconds": _triple(row.seconds(tier)),
            }
            if tier == "jit":
                tiers[tier].update(llvm_ms=col.llvm_ms, jit_notes=col.jit_notes)
        programs.append({
            "name": row.name, "source": os.path.relpath(t.path, ROOT) if t.path.startswith(ROOT)
            else t.path, "sizes": {"full": t.full, "interp": t.interp}, "error": row.error,
            "reference": {s: {"checksum": o.checksum, "work": o.work, "status": o.status}
                          for s, o in row.references.items() if o is not None},
            "tiers": tiers, "ratios": {n: row.ratio(n) for n in RATIOS},
            "llvm_median_ms": row.llvm_median(),
        })
    return {"format": FORMAT, "machine": report.machine,
            "options": {"repeat": report.repeat, "quick": report.quick, "long": report.long,
                        "tiers": report.tiers},
            "programs": programs, "geomean": report.geomeans(),
            "llvm_median_ms": report.llvm_median(), "errors": report.errors()}


def save(path: str, report) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(to_json(report), f, indent=1, ensure_ascii=False)
        f.write("\n")


class BadResults(OSError):
    pass


def load(path: str) -> dict:
    """An earlier --json file, checked enough that compare() cannot crash."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except ValueError as e:
        raise BadResults(0, f"not a pvm bench JSON file ({e})", path)
    if not isinstance(data, dict) or data.get("format") != FORMAT or \
            not isinstance(data.get("programs"), list):
        raise BadResults(0, f"not a pvm bench JSON file (no \"format\": \"{FORMAT}\")", path)
    return data


def _old_per_unit(program: dict, tier: str):
    try:
        v = program["tiers"][tier]["per_unit"]["median"]
    except (KeyError, TypeError):
        return None
    return v if isinstance(v, (int, float)) and v > 0 else None


def compare(old: dict, report) -> list:
    """(program, tier, old, new, change, flag) for each figure in both runs;
    flag is REGRESSION when pvm got more than 10% slower per unit of work
    at the same size (gcc and clang are shown as a measure of the machine's
    own drift)."""
    before = {p.get("name"): p for p in old["programs"] if isinstance(p, dict)}
    rows = []
    for row in report.rows:
        prev = before.get(row.name)
        if prev is None:
            continue
        for tier in COMPARED:
            new, was = row.per_unit(tier), _old_per_unit(prev, tier)
            if new is None or was is None:
                continue
            change = new[0] / was - 1
            flag = ""
            old_size = (prev["tiers"].get(tier) or {}).get("size")
            if old_size != row.columns[tier].size:
                flag = f"(size {old_size} -> {row.columns[tier].size}: not flagged)"
            elif tier in ("gcc", "clang"):
                flag = "(reference)"
            elif change > REGRESSION:
                flag = "REGRESSION"
            elif change < -REGRESSION:
                flag = "faster"
            rows.append((row.name, tier, was, new[0], change, flag))
    return rows
