"""Interleaved A/B of checkouts, plain and encrypted chart: start-up children only.

    python bench/ab_encrypted.py TREE [TREE ...] [--rounds 6]
        [--kinds cli,visit15,first_click] [--modes plain,secret,keychain]

Each round launches ``startup_child.py KIND`` for every tree and mode in one order
(reversed every other round; round 0 only warms the byte-code and the file cache).
Modes: ``plain`` chart; ``secret``, the encrypted chart with the key unwrapped from
``NMT_BODYMAP_SECRET`` (argon2id); ``keychain``, the same encrypted chart with its key in
the "OS keychain" (``bench_keyring``: a file in a temp folder, deleted after the run,
chosen through ``PYTHON_KEYRING_BACKEND``; no secret in the child's environment);
``keychain-found``, the same file found by keyring's own search of its backends, as on a
laptop with no keyring configuration (``bench_keyring``'s ``discover``).
Both trees run THIS checkout's ``startup_child.py`` (the tree is chosen by PYTHONPATH), so
both are measured the same way. Charts are this checkout's ``bench/.cache`` ones
(``bench_startup.clinic_database`` / ``visit_chart``, plain and with
``NMT_BENCH_ENCRYPTED=1``); the gesture children run on fresh copies. Prints, per kind and
figure, the medians of each mode and its ratio to plain, per tree. The secret is the
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

import bench_keyring  # bench/ is this script's folder, first on sys.path

HERE = Path(__file__).resolve().parent

CACHE = HERE / ".cache"
SECRET = "bench passphrase, not a real one"
FIGURES = ("ms", "peak_kib", "cpu_ms", "main_cpu_ms")


MODES = ("plain", "secret", "keychain", "keychain-found")


def launch(
    tree: Path, kind: str, mode: str, click: str, keychains: dict[str, dict[str, str]]
) -> dict[str, float]:
    suffix = "" if mode == "plain" else "_encrypted"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "NMT_BODYMAP_SECRET", *keychains["keychain"])
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(tree),
        NMT_BODYMAP_LOG_DIR=str(CACHE / "logs"),
    )
    if mode == "secret":
        env["NMT_BODYMAP_SECRET"] = SECRET
    elif mode in keychains:
        env = bench_keyring.child_env(env, keychains[mode])
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
        env["NMT_BODYMAP_CONFIG_DIR"] = str(Path(tmp) / "settings")  # not the user's window
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
    parser.add_argument("trees", type=Path, nargs="+", help="checkouts (PYTHONPATH each)")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--kinds", default="cli,visit15,first_click")
    parser.add_argument("--modes", default="plain,secret", help=f"of {','.join(MODES)}")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import bench_startup

    for encrypted in (False, True):  # build the charts once (kept in bench/.cache)
        os.environ["NMT_BENCH_ENCRYPTED"] = "1" if encrypted else "0"
        if encrypted:
            os.environ["NMT_BODYMAP_SECRET"] = SECRET
        charts = bench_startup.clinic_database(), bench_startup.visit_chart()
    click = bench_startup._temple()
    trees = {f"{i}:{t.name}": t.resolve() for i, t in enumerate(args.trees)}
    kinds, modes = args.kinds.split(","), args.modes.split(",")
    if "plain" not in modes or not set(modes) <= set(MODES):
        parser.error(f"--modes: plain and any of {MODES}")
    results: dict[tuple[str, str, str], list[dict[str, float]]] = {}
    with (
        bench_keyring.keychain_holding(charts, SECRET) as named,
        bench_keyring.keychain_holding(charts, SECRET, discover=True) as found,
    ):
        keychains = {"keychain": named, "keychain-found": found}
        for round_no in range(args.rounds + 1):
            order = [(t, k, m) for t in trees for k in kinds for m in modes]
            if round_no % 2:
                order.reverse()
            for tree, kind, mode in order:
                result = launch(trees[tree], kind, mode, click, keychains)
                if round_no:
                    results.setdefault((tree, kind, mode), []).append(result)
            print(f"round {round_no} load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
    for kind in kinds:
        for figure in FIGURES:
            scale = 1024 if figure == "peak_kib" else 1
            for tree in trees:
                line = f"{kind:11} {figure:11} {tree}"
                plain = statistics.median(r[figure] for r in results[(tree, kind, "plain")])
                for mode in modes:
                    value = statistics.median(r[figure] for r in results[(tree, kind, mode)])
                    line += f" | {mode} {value / scale:7.1f}"
                    if mode != "plain":
                        line += f" {value / plain:5.3f}"
                print(line)
        for tree in trees:
            for mode in modes:
                peaks = sorted(round(r["peak_kib"] / 1024, 1) for r in results[(tree, kind, mode)])
                print(f"{kind:11} {tree} {mode} peaks (MiB): {peaks}")


if __name__ == "__main__":
    main()
