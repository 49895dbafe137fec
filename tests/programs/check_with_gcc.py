"""Check the test programs themselves against gcc (not a pytest file).

Every program of core/ and lang/ must be valid, deterministic C99: it must
compile with `gcc -std=c99 -Wall -Wextra -Werror -O0`, and give the same
stdout and exit status at -O0, at -O2 and under UBSan+ASan (which catch most
undefined behaviour that would make gcc's output a bad reference).  Every
program of traps/ must compile the same way and really fault natively with
its `// expect-status:` (a signal N counts as status 128+N, as a shell
reports it).

    python tests/programs/check_with_gcc.py [FILE.c ...]
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUILDS = {
    "O0": ["-std=c99", "-Wall", "-Wextra", "-Werror", "-O0"],
    "O2": ["-std=c99", "-w", "-O2"],
    "san": ["-std=c99", "-w", "-O1", "-fsanitize=undefined,address",
            "-fno-sanitize-recover=all"],
}


def directives(path: Path) -> dict[str, list[str]]:
    """The `// key: value` lines at the top of a program."""
    found: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if not line.startswith("// ") or ":" not in line:
            break
        key, _, value = line[3:].partition(":")
        found.setdefault(key.strip(), []).append(value.strip())
    return found


def cpu_limit() -> None:
    """A program run with `// fuel:` would loop forever natively: one second of
    CPU time ends it with SIGXCPU, the signal pvm's out-of-fuel status mimics."""
    resource.setrlimit(resource.RLIMIT_CPU, (1, 3))


def run(exe: str, d: dict[str, list[str]]) -> tuple[int, bytes]:
    args = d["args"][0].split() if "args" in d else []
    stdin = d["stdin"][0].encode().decode("unicode_escape").encode("latin-1") if "stdin" in d else b""
    r = subprocess.run([exe, *args], input=stdin, capture_output=True, timeout=20,
                       preexec_fn=cpu_limit if "fuel" in d else None)
    status = r.returncode if r.returncode >= 0 else 128 - r.returncode
    return status, r.stdout


def check(path: Path, tmp: str) -> str | None:
    """None if the program is fine, else one line saying what is wrong."""
    d = directives(path)
    stem = f"{tmp}/{path.parent.name}_{path.stem}"
    if path.parent.name == "traps":
        c = subprocess.run(["gcc", *BUILDS["O0"], str(path), "-o", stem, "-lm"],
                           capture_output=True, text=True)
        if c.returncode:
            return f"does not compile:\n{c.stderr}"
        want = int(d["expect-status"][0])
        status, _ = run(stem, d)
        if status != want:
            return f"native status {status}, expected {want}"
        return None
    results = {}
    for name, flags in BUILDS.items():
        c = subprocess.run(["gcc", *flags, str(path), "-o", f"{stem}_{name}", "-lm"],
                           capture_output=True, text=True)
        if c.returncode:
            return f"{name} does not compile:\n{c.stderr}"
        results[name] = run(f"{stem}_{name}", d)
        if name == "O0" and run(f"{stem}_{name}", d) != results[name]:
            return "not deterministic"
    if len(set(results.values())) != 1:
        return "builds disagree: " + "; ".join(f"{k}: status {v[0]}" for k, v in results.items())
    if not results["O0"][1]:
        return "prints nothing"
    return None


def main(argv: list[str]) -> int:
    files = [Path(a).resolve() for a in argv] or sorted(HERE.glob("*/*.c"))
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        problems = [(f, p) for f, p in zip(files, pool.map(lambda f: check(f, tmp), files)) if p]
    for f, p in problems:
        print(f"{f.relative_to(HERE)}: {p}")
    counts = {}
    for f in files:
        counts[f.parent.name] = counts.get(f.parent.name, 0) + 1
    print(f"{len(files) - len(problems)} passed, {len(problems)} failed  "
          + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
