"""Interleaved A/B of two checkouts, plain and encrypted chart: start-up children only.

    python bench/ab_encrypted.py OLD_TREE NEW_TREE [--rounds 6] [--kinds cli,visit15,first_click]

Each round launches ``startup_child.py KIND`` for both trees, plain and encrypted, in one
order (reversed every other round; round 0 only warms the byte-code and the file cache).
Both trees run THIS checkout's ``startup_child.py`` (the tree is chosen by PYTHONPATH), so
both are measured the same way. Charts are this checkout's ``bench/.cache`` ones
(``bench_startup.clinic_database`` / ``visit_chart``, plain and with
``NMT_BENCH_ENCRYPTED=1``); the gesture children run on fresh copies. Prints, per kind and
figure, the medians and the encrypted / plain ratio of each tree. The secret is the
benchmark's own (``run.py``), never a real one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
SECRET = "bench passphrase, not a real one"
FIGURES = ("ms", "peak_kib", "cpu_ms", "main_cpu_ms")


def launch(tree: Path, kind: str, encrypted: bool, click: str) -> dict[str, float]:
    suffix = "_encrypted" if encrypted else ""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "NMT_BODYMAP_SECRET")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(tree),
        NMT_BODYMAP_LOG_DIR=str(CACHE / "logs"),
    )
    if encrypted:
        env["NMT_BODYMAP_SECRET"] = SECRET
    with tempfile.TemporaryDirectory(prefix="nmt-ab-") as tmp:
        if kind == "cli":
            db = CACHE / f"startup_10000_clients{suffix}.sqlite3"
        else:
            source = CACHE / f"one_visit{suffix}.sqlite3"
            for part in CACHE.glob(source.name + "*"):
                if not part.name.endswith(".lock"):
                    shutil.copy2(part, Path(tmp) / part.name)
            db = Path(tmp) / source.name
            env.update(NMT_BENCH_CLICK=click, NMT_BODYMAP_DATA_DIR=tmp)
        env["NMT_BENCH_T0"] = repr(time.time())
        out = subprocess.run(
            [sys.executable, str(HERE / "startup_child.py"), kind, str(db)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--kinds", default="cli,visit15,first_click")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import bench_startup

    for encrypted in (False, True):  # build the charts once (kept in bench/.cache)
        os.environ["NMT_BENCH_ENCRYPTED"] = "1" if encrypted else "0"
        if encrypted:
            os.environ["NMT_BODYMAP_SECRET"] = SECRET
        bench_startup.clinic_database(), bench_startup.visit_chart()
    click = bench_startup._temple()
    trees = {"old": args.old.resolve(), "new": args.new.resolve()}
    kinds = args.kinds.split(",")
    results: dict[tuple[str, str, bool], list[dict[str, float]]] = {}
    for round_no in range(args.rounds + 1):
        order = [(t, k, e) for t in trees for k in kinds for e in (False, True)]
        if round_no % 2:
            order.reverse()
        for tree, kind, encrypted in order:
            result = launch(trees[tree], kind, encrypted, click)
            if round_no:
                results.setdefault((tree, kind, encrypted), []).append(result)
        print(f"round {round_no} load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
    for kind in kinds:
        for figure in FIGURES:
            line = f"{kind:11} {figure:11}"
            for tree in trees:
                plain, enc = (
                    statistics.median(r[figure] for r in results[(tree, kind, e)])
                    for e in (False, True)
                )
                scale = 1024 if figure == "peak_kib" else 1
                line += (
                    f" | {tree}: plain {plain / scale:7.1f} enc {enc / scale:7.1f}"
                    f" ratio {enc / plain:5.3f}"
                )
            print(line)
        for tree in trees:
            peaks = sorted(round(r["peak_kib"] / 1024, 1) for r in results[(tree, kind, True)])
            print(f"{kind:11} {tree} encrypted peaks (MiB): {peaks}")


if __name__ == "__main__":
    main()
