"""Run every benchmark and write ``bench/RESULTS.md``.

    python bench/run.py [--rounds 3] [--only startup,click,...]

Each ``bench/bench_<name>.py`` exposes ``run() -> dict`` of figures (nested dicts are
flattened to dotted names). Every benchmark runs ``--rounds`` times in fresh state;
RESULTS.md gives, per figure, the median over rounds and the spread (min-max), with
the machine's description and the date, and each clinic target with its verdict.
Not part of the test suite: timings belong here, never in assertions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BENCHMARKS = ("startup", "click", "atlas", "lookup", "store", "charting", "fanout", "encryption")

# figure name -> (comparison, threshold, what the clinic needs)
TARGETS: dict[str, tuple[str, float, str]] = {
    "startup.startup_ratio": ("<=", 1.3, "start-up within 1.3x a bare PySide6 window"),
    "click.p95_ms": ("<", 8.0, "click to highlight p95 under 8 ms"),
    "store.open_chart.p95_ms": ("<", 20.0, "open a client chart p95 under 20 ms"),
    "store.search_prefix.p95_ms": ("<", 10.0, "client search under 10 ms"),
    # issue 15: 5 marks + 1 finding + 1 treatment, keystroke-level model (bench_charting)
    "charting.after.actions": ("<=", 20, "the charting task in at most 20 user actions"),
    "charting.after.klm_s": ("<=", 30.0, "the charting task in at most 30 s (KLM)"),
}


def flatten(figures: Mapping[str, object], prefix: str = "") -> dict[str, float]:
    flat: dict[str, float] = {}
    for key, value in figures.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, Mapping):
            flat.update(flatten(value, name))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            flat[name] = float(value)
    return flat


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "absent"
    mem = ""
    if hasattr(os, "sysconf"):
        mem = f", {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM"
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.platform()}; "
        f"Python {platform.python_version()}; PySide6 {qt}"
    )


def run_round(name: str) -> dict[str, float]:
    """One round in a fresh interpreter, so caches and imports do not leak between rounds."""
    code = (
        "import json, sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
        f"import bench_{name} as b; print(json.dumps(b.run()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(HERE), str(HERE.parent)],
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    ).stdout
    import json

    return flatten(json.loads(out.strip().splitlines()[-1]), name)


def verdict(name: str, value: float) -> str:
    if name not in TARGETS:
        return ""
    op, limit, _ = TARGETS[name]
    ok = value <= limit if op == "<=" else value < limit
    return f"{'met' if ok else 'MISSED'} ({op} {limit:g})"


def write_results(rounds: dict[str, list[dict[str, float]]], n: int) -> Path:
    encrypted = os.environ.get("NMT_BENCH_ENCRYPTED") == "1"
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine()}",
        f"- Charts: {'encrypted (SQLCipher)' if encrypted else 'plain SQLite'}",
        f"- Rounds per benchmark: {n} (each in a fresh process); median over rounds and "
        "spread (min-max)",
        "- Produced by `python bench/run.py`; figures are measurements, never test assertions.",
        "",
        "| figure | median | spread (min-max) | target |",
        "|---|---:|---:|---|",
    ]
    for results in rounds.values():
        for name in results[0]:
            values = [r[name] for r in results if name in r]
            med = statistics.median(values)
            lines.append(
                f"| `{name}` | {med:.3f} | {min(values):.3f}-{max(values):.3f} | "
                f"{verdict(name, med)} |"
            )
    lines += ["", "## Targets", ""]
    for name, (op, limit, words) in TARGETS.items():
        lines.append(f"- {words}: `{name}` {op} {limit:g}")
    notes = HERE / "NOTES.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    target = HERE / ("RESULTS-encrypted.md" if encrypted else "RESULTS.md")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default=",".join(BENCHMARKS))
    parser.add_argument(
        "--encrypted",
        action="store_true",
        help="charts encrypted at rest (SQLCipher; secret from NMT_BODYMAP_SECRET); "
        "writes RESULTS-encrypted.md",
    )
    args = parser.parse_args()
    if args.encrypted:  # security (issue 14): every chart the benchmarks make is encrypted
        os.environ.setdefault("NMT_BODYMAP_SECRET", "bench passphrase, not a real one")
        os.environ["NMT_BENCH_ENCRYPTED"] = "1"
    chosen = [b for b in args.only.split(",") if b]
    results: dict[str, list[dict[str, float]]] = {}
    for name in chosen:
        if importlib.util.find_spec(f"bench_{name}") is None:
            print(f"skipping {name}: bench/bench_{name}.py is missing", file=sys.stderr)
            continue
        print(f"running {name} x{args.rounds} ...", file=sys.stderr, flush=True)
        results[name] = [run_round(name) for _ in range(args.rounds)]
    print(write_results(results, args.rounds).read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
