"""Run every benchmark and write ``bench/RESULTS.md``.

    python bench/run.py [--rounds 3] [--only startup,click,...] [--quick] [--encrypted]
                        [--no-encrypted-pass]

By default one run measures every benchmark on plain charts and then the chart-bound ones
(``ENCRYPTED_PASS``) again on encrypted charts, and RESULTS.md gives both side by side
with their ratio (issue 18: encrypted within 10 % of plain); the start-up is measured a
third time with the encrypted chart's key in the OS keychain (``KEYCHAIN_PASS``,
``bench_keyring``) instead of the secret's argon2id. ``--quick`` is a CI-size run:
1 round, 3 start-ups per kind, one large-chart sample (the click bench keeps its 1,000 clicks).

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
import tempfile
from collections.abc import Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every window the benchmarks open starts as on a first start: the user's remembered window
# (its side tab, layout and size) is not read, and nothing is saved into it.
_SETTINGS = tempfile.TemporaryDirectory(prefix="nmt-bench-settings-")
os.environ["NMT_BODYMAP_CONFIG_DIR"] = _SETTINGS.name

BENCHMARKS = (
    "startup",
    "click",
    "large",
    "atlas",
    "lookup",
    "store",
    "charting",
    "fanout",
    "encryption",
)
# measured again on encrypted charts in the same run (issue 18: within 10 % of plain)
ENCRYPTED_PASS = ("startup", "click", "large")
ENCRYPTED_LIMIT = 1.10
# and once more with the encrypted chart's key in the OS keychain instead of the secret
# (``bench_keyring``'s file, never the user's keychain): the start-up children only, since
# the click and large-chart benches open their own charts in-process with the key at hand
KEYCHAIN_PASS = ("startup",)
ENCRYPTED_TITLE = "Encrypted charts (SQLCipher) against plain, same run"
KEYCHAIN_TITLE = (
    "Encrypted charts, key from the OS keychain (no KDF at launch) against plain, same run"
)

# figure name -> (comparison, threshold, what the clinic needs)
TARGETS: dict[str, tuple[str, float, str]] = {
    # issue 18 (whole process from exec to the first painted window, 10,000-client chart)
    "startup.startup_ratio": ("<=", 1.5, "start-up within 1.5x a bare PySide6 window"),
    "startup.startup_cli_ratio": (
        "<=",
        1.5,
        "start-up through the command line (nmt-bodymap --db) within 1.5x a bare window",
    ),
    "startup.first_click_ms": ("<=", 500.0, "the first click answered within 0.5 s of launch"),
    "startup.peak_memory_ratio": ("<=", 1.8, "peak memory at first paint within 1.8x bare"),
    "startup.peak_memory_visit15_ratio": (
        "<=",
        2.5,
        "peak memory after a 15-mark visit with a candidate within 2.5x bare",
    ),
    "click.p95_ms": ("<=", 8.0, "click to highlight p95 at most 8 ms"),
    "click.p99_ms": ("<=", 16.0, "click to highlight p99 at most 16 ms"),
    "large.visit_open_ms": ("<", 1000.0, "a 10,000-mark visit opens in under 1 s"),
    "large.progress_ms": ("<", 500.0, "the progress view over 2,000 visits in under 0.5 s"),
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


def run_round(name: str, env: Mapping[str, str] | None = None) -> dict[str, float]:
    """One round in a fresh interpreter, so caches and imports do not leak between rounds."""
    code = (
        "import json, sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]\n"
        f"import bench_{name} as b; print(json.dumps(b.run()))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(HERE), str(HERE.parent)],
        capture_output=True,
        text=True,
        check=False,
        timeout=3600,
        env=dict(env) if env is not None else None,
    )
    if done.returncode != 0:  # one benchmark failing must not lose the others' figures
        print(f"{name} failed:\n{done.stderr[-3000:]}", file=sys.stderr, flush=True)
        return {}
    out = done.stdout
    import json

    return flatten(json.loads(out.strip().splitlines()[-1]), name)


def verdict(name: str, value: float) -> str:
    if name not in TARGETS:
        return ""
    op, limit, _ = TARGETS[name]
    ok = value <= limit if op == "<=" else value < limit
    return f"{'met' if ok else 'MISSED'} ({op} {limit:g})"


def encrypted_table(
    plain: dict[str, list[dict[str, float]]],
    encrypted: dict[str, list[dict[str, float]]],
    title: str = ENCRYPTED_TITLE,
) -> list[str]:
    """Plain and encrypted medians of the same run side by side, with their ratio."""
    lines = [
        "",
        f"## {title}",
        "",
        f"Ratio = encrypted / plain median; within {ENCRYPTED_LIMIT:.2f} is the issue 18 target "
        "for the time figures (`_ms`, `_ratio`). Counts are shown for reference.",
        "",
        "| figure | plain | encrypted | ratio | target |",
        "|---|---:|---:|---:|---|",
    ]
    for name, results in encrypted.items():
        for figure in results[0]:
            if name not in plain or figure not in plain[name][0]:
                continue
            a = statistics.median(r[figure] for r in plain[name] if figure in r)
            b = statistics.median(r[figure] for r in results if figure in r)
            ratio = b / a if a else float("nan")
            timed = figure.endswith("_ms")
            verdict_text = ""
            if timed:
                verdict_text = "met" if ratio <= ENCRYPTED_LIMIT else "MISSED"
                verdict_text += f" (<= {ENCRYPTED_LIMIT:g})"
            lines.append(f"| `{figure}` | {a:.3f} | {b:.3f} | {ratio:.3f} | {verdict_text} |")
    return lines


GENERATED_SECTIONS = ("Encrypted charts", "Targets")  # headings write_results makes itself


def sections(text: str) -> dict[str, str]:
    """The ``## `` sections of a Markdown text, by heading line (text before the first dropped)."""
    found: dict[str, str] = {}
    heading: str | None = None
    body: list[str] = []
    for line in text.splitlines():
        if line.startswith("## "):
            if heading is not None:
                found[heading] = "\n".join(body).strip()
            heading, body = line[3:].strip(), [line]
        elif heading is not None:
            body.append(line)
    if heading is not None:
        found[heading] = "\n".join(body).strip()
    return found


def kept_sections(old_results: str, notes: str) -> list[str]:
    """Sections of the old RESULTS.md that no benchmark and no NOTES.md section writes (the
    fault-injection and installer records, measured by tools outside bench/): kept as they
    were, in their order, so a re-run never loses them."""
    in_notes = set(sections(notes))
    return [
        text
        for heading, text in sections(old_results).items()
        if heading not in in_notes and not heading.startswith(GENERATED_SECTIONS)
    ]


def write_results(
    rounds: dict[str, list[dict[str, float]]],
    n: int,
    encrypted_rounds: dict[str, list[dict[str, float]]] | None = None,
    quick: bool = False,
    here: Path = HERE,
    keychain_rounds: dict[str, list[dict[str, float]]] | None = None,
) -> Path:
    encrypted = os.environ.get("NMT_BENCH_ENCRYPTED") == "1"
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine()}",
        f"- Charts: {'encrypted (SQLCipher)' if encrypted else 'plain SQLite'}",
        f"- Rounds per benchmark: {n} (each in a fresh process); median over rounds and "
        "spread (min-max)",
        "- Produced by `python bench/run.py"
        + (" --quick` (CI-size: fewer rounds and samples)" if quick else "`")
        + "; figures are measurements, never test assertions.",
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
    if encrypted_rounds:
        lines += encrypted_table(rounds, encrypted_rounds)
    if keychain_rounds:
        lines += encrypted_table(rounds, keychain_rounds, KEYCHAIN_TITLE)
    lines += ["", "## Targets", ""]
    for name, (op, limit, words) in TARGETS.items():
        lines.append(f"- {words}: `{name}` {op} {limit:g}")
    notes = here / "NOTES.md"
    notes_text = notes.read_text(encoding="utf-8").strip() if notes.exists() else ""
    if notes_text:
        lines += ["", notes_text]
    target = here / ("RESULTS-encrypted.md" if encrypted else "RESULTS.md")
    if target.exists():
        for text in kept_sections(target.read_text(encoding="utf-8"), notes_text):
            lines += ["", text]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=None, help="default 3; 1 with --quick")
    parser.add_argument("--quick", action="store_true", help="CI-size run: 1 round, fewer samples")
    parser.add_argument(
        "--no-encrypted-pass",
        action="store_true",
        help="skip measuring startup, click and large again on encrypted charts (and startup "
        "with the key from the OS keychain)",
    )
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
    if args.quick:
        os.environ["NMT_BENCH_QUICK"] = "1"
    rounds = args.rounds if args.rounds is not None else (1 if args.quick else 3)
    chosen = [b for b in args.only.split(",") if b]
    results: dict[str, list[dict[str, float]]] = {}
    for name in chosen:
        if importlib.util.find_spec(f"bench_{name}") is None:
            print(f"skipping {name}: bench/bench_{name}.py is missing", file=sys.stderr)
            continue
        print(f"running {name} x{rounds} ...", file=sys.stderr, flush=True)
        results[name] = [r for r in (run_round(name) for _ in range(rounds)) if r]
        if not results[name]:
            del results[name]
    encrypted_results: dict[str, list[dict[str, float]]] = {}
    keychain_results: dict[str, list[dict[str, float]]] = {}
    if not args.encrypted and not args.no_encrypted_pass:
        env = {
            **os.environ,
            "NMT_BENCH_ENCRYPTED": "1",
            "NMT_BODYMAP_SECRET": os.environ.get(
                "NMT_BODYMAP_SECRET", "bench passphrase, not a real one"
            ),
        }
        for name in (b for b in ENCRYPTED_PASS if b in results):
            print(f"running {name} x{rounds} on encrypted charts ...", file=sys.stderr, flush=True)
            got = [r for r in (run_round(name, env) for _ in range(rounds)) if r]
            if got:
                encrypted_results[name] = got
        keychain_env = {**env, "NMT_BENCH_KEY_FROM": "keychain"}
        for name in (b for b in KEYCHAIN_PASS if b in results):
            print(
                f"running {name} x{rounds}, key from the keychain ...", file=sys.stderr, flush=True
            )
            got = [r for r in (run_round(name, keychain_env) for _ in range(rounds)) if r]
            if got:
                keychain_results[name] = got
    path = write_results(
        results, rounds, encrypted_results, args.quick, keychain_rounds=keychain_results
    )
    print(path.read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
