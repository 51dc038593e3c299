"""Start-up: process launch to the first painted main window, against a bare window.

Both are started the same way (a fresh ``python`` process, off screen) in the same
run, alternating, so the ratio cancels most of the machine's speed and load.
The app opens a 10,000-client chart database. Run: ``python bench/bench_startup.py``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
CLIENTS = 10_000


def clinic_database(clients: int = CLIENTS) -> Path:
    """A chart database with ``clients`` clients (built once, kept in bench/.cache)."""
    encrypted = "_encrypted" if os.environ.get("NMT_BENCH_ENCRYPTED") == "1" else ""
    path = CACHE / f"startup_{clients}_clients{encrypted}.sqlite3"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    from sqlalchemy import insert

    from nmt_bodymap.store.models import Client
    from nmt_bodymap.store.service import ChartStore

    store = ChartStore.open(path, backup_on_close=False)
    store.close()
    from nmt_bodymap.store.database import database_url, make_engine

    rng = random.Random(11)
    first = ["Anna", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jon"]
    last = ["Smith", "Nguyen", "Garcia", "Okafor", "Muller", "Rossi", "Kowalski", "Tanaka"]
    rows = []
    for i in range(clients):
        name = f"{rng.choice(first)} {rng.choice(last)}{i}"
        rows.append(
            {
                "name": name,
                "name_key": name.casefold(),
                "surname_key": name.split()[-1].casefold(),
                "date_of_birth": date(1940, 1, 1) + timedelta(days=rng.randrange(25_000)),
            }
        )
    engine = make_engine(database_url(path))
    with engine.begin() as conn:
        conn.execute(insert(Client), rows)
    engine.dispose()
    return path


def _launch(kind: str, db: Path) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NMT_BENCH_T0": repr(time.time())}
    # An installed app runs from byte-code (pip and PyInstaller compile it); a shell that
    # forbids writing it would make every start compile the app from source instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, str(HERE / "startup_child.py"), kind, str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def run(rounds: int = 7) -> dict[str, float]:
    db = clinic_database()
    _launch("bare", db), _launch("app", db)  # warm the OS file cache and byte-code once
    bare, app = [], []
    for _ in range(rounds):
        bare.append(_launch("bare", db))
        app.append(_launch("app", db))
    bare_ms = statistics.median(r["ms"] for r in bare)
    app_ms = statistics.median(r["ms"] for r in app)
    bare_kib = statistics.median(r["peak_kib"] for r in bare)
    app_kib = statistics.median(r["peak_kib"] for r in app)
    # CPU time to the first paint: steadier than wall-clock on a loaded machine.
    bare_cpu = statistics.median(r["cpu_ms"] for r in bare)
    app_cpu = statistics.median(r["cpu_ms"] for r in app)
    return {
        "startup_bare_ms": bare_ms,
        "startup_app_ms": app_ms,
        "startup_ratio": app_ms / bare_ms,
        "startup_cpu_bare_ms": bare_cpu,
        "startup_cpu_app_ms": app_cpu,
        "startup_cpu_ratio": app_cpu / bare_cpu,
        "peak_memory_bare_mib": bare_kib / 1024,
        "peak_memory_app_mib": app_kib / 1024,
        "peak_memory_ratio": app_kib / bare_kib,
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:<24} {value:10.2f}")
