"""`pvm bench --plot FILE.png`: the speed-ups and the ratios to gcc -O2 as a chart.

matplotlib is an optional extra: without it --plot is refused before any
measuring starts, with a message saying how to install it.  Two panels,
both on a log scale, one group of bars per program plus the geometric mean:
the JIT's speed-up over the interpreter, and each tier's time per unit of
work divided by gcc -O2's (1 = as fast as gcc).
"""
from __future__ import annotations

import os

from .table import RATIO_HEADERS


def missing() -> str | None:
    """None if charts can be drawn, else why not."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return "--plot needs matplotlib, which is not installed (pip install matplotlib)"
    return None


def plot(report, path: str) -> None:
    import matplotlib
    matplotlib.use("Agg")                  # files only: no display needed
    import matplotlib.pyplot as plt

    names = [r.name for r in report.rows]
    geo = report.geomeans()
    labels = names + (["geo. mean"] if len(names) > 1 else [])

    def series(ratio: str) -> list:
        values = [r.ratio(ratio) for r in report.rows]
        return values + ([geo.get(ratio)] if len(names) > 1 else [])

    have = report.ratio_names()
    panels = []
    if "jit_speedup" in have:
        panels.append((["jit_speedup"], "JIT speed-up over the interpreter (×)"))
    to_gcc = [n for n in ("interp_gcc", "jit_gcc", "auto_gcc", "interp_clang", "jit_clang")
              if n in have]
    if to_gcc:
        panels.append((to_gcc, "time per unit of work ÷ gcc -O2 (1 = gcc)"))
    if not panels:
        raise ValueError("--plot needs two tiers to compare (interp and jit, or a tier and gcc)")
    width = max(7, 0.9 * len(labels) + 2)
    fig, axes = plt.subplots(len(panels), 1, figsize=(width, 4 * len(panels)), squeeze=False)
    for ax, (ratios, title) in zip(axes[:, 0], panels):
        width = 0.8 / len(ratios)
        for i, ratio in enumerate(ratios):
            values = series(ratio)
            xs = [j + (i - (len(ratios) - 1) / 2) * width for j in range(len(labels))]
            bars = ax.bar([x for x, v in zip(xs, values) if v], [v for v in values if v],
                          width, label=RATIO_HEADERS[ratio])
            ax.bar_label(bars, labels=[_short(v) for v in values if v], fontsize=7, rotation=90,
                         padding=2)
        ax.set_yscale("log")
        ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
        ax.set_title(title)
        if "gcc" in title:
            ax.axhline(1.0, color="black", linewidth=0.8)
        if len(ratios) > 1:
            ax.legend(fontsize=8)
        ax.margins(y=0.25)
    m = report.machine
    fig.suptitle(f"pvm bench, {m.get('date', '')[:10]}, {m.get('cpu', '')}", fontsize=9)
    fig.tight_layout()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _short(v: float) -> str:
    return f"{v:,.0f}" if v >= 10 else f"{v:.2f}"
