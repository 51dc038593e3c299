"""Start-up: process launch to the first painted main window, against a bare window.

Both are started the same way (a fresh ``python`` process, off screen) in the same
run, alternating, so the ratio cancels most of the machine's speed and load.
The app opens a 10,000-client chart database. Run: ``python bench/bench_startup.py``.
``startup_*`` is the window's own start path (``startup_child.py app``); ``startup_cli_*``
the whole command line, ``nmt-bodymap --db CHART`` through ``nmt_bodymap.cli.main``
(argument parsing, logging, accessibility, the sign-in check: what a therapist starts).

Also, each in a fresh process on a copy of a one-visit chart: the first click (the right
temple clicked at the first paint, answered when its mark and candidates are shown; the
click is queued while the map loads) and the peak memory after a 15-mark visit with a
candidate selected, once settled (worker idle, the visit list's thumbnail redrawn), both
against the bare window's first paint of the same run.

Encrypted charts (``NMT_BENCH_ENCRYPTED=1``): the key comes from ``NMT_BODYMAP_SECRET``
(argon2id on a thread from the launch on), or, with ``NMT_BENCH_KEY_FROM=keychain``, from
the OS keychain: ``bench_keyring``'s file in a temp folder (deleted after the run) holds
both charts' keys, and the children get no secret.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
CLIENTS = 10_000
SECRET_ENV = "NMT_BODYMAP_SECRET"
_child_env: dict[str, str] = {}  # the keychain's, in the keychain mode


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


def visit_chart() -> Path:
    """A chart with one client and one open visit (built once; launches use a copy)."""
    encrypted = "_encrypted" if os.environ.get("NMT_BENCH_ENCRYPTED") == "1" else ""
    path = CACHE / f"one_visit{encrypted}.sqlite3"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    from nmt_bodymap.store.service import ChartStore

    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Bench Client", date_of_birth="1980-01-01")
        store.create_visit(client.id, chief_complaint="benchmark")
    return path


def _temple() -> str:
    from nmt_bodymap.core.atlas import load_atlas

    x, y = load_atlas().region("anterior", "temple", "right").point
    return f"{x},{y}"


def _launch_on_copy(kind: str, chart: Path, click: str) -> dict[str, float]:
    """A gesture launch on a fresh copy of ``chart`` (marks made do not pile up)."""
    with tempfile.TemporaryDirectory(prefix="nmt-bench-start-") as tmp:
        copy = Path(tmp) / chart.name
        for part in chart.parent.glob(chart.name + "*"):  # the key slots of an encrypted one
            if not part.name.endswith(".lock"):
                shutil.copy2(part, Path(tmp) / part.name)
        return _launch(kind, copy, {"NMT_BENCH_CLICK": click, "NMT_BODYMAP_DATA_DIR": tmp})


def fresh_settings() -> str:
    """An empty settings folder for a launch: the user's remembered window (its side tab:
    the summary instead of the candidates, its layout, its size) is never read, and no
    launch's closing state reaches the next."""
    folder = CACHE / "settings"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return str(folder)


def _launch(kind: str, db: Path, extra: dict[str, str] | None = None) -> dict[str, float]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        **(extra or {}),
        "NMT_BODYMAP_LOG_DIR": str(CACHE / "logs"),  # the cli start writes its log here
        "NMT_BODYMAP_CONFIG_DIR": fresh_settings(),
        **_child_env,
        "NMT_BENCH_T0": repr(time.time()),
    }
    if _child_env:  # the key from the keychain: no secret in the child
        env.pop(SECRET_ENV, None)
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


@contextmanager
def key_source(*charts: Path) -> Iterator[None]:
    """The children's key: the secret as set, or the keychain's (``NMT_BENCH_KEY_FROM``)."""
    if os.environ.get("NMT_BENCH_KEY_FROM") != "keychain":
        yield
        return
    sys.path.insert(0, str(HERE))
    import bench_keyring

    with bench_keyring.keychain_holding(charts, os.environ[SECRET_ENV]) as keychain:
        _child_env.update(keychain)
        try:
            yield
        finally:
            _child_env.clear()


def run(rounds: int | None = None) -> dict[str, float]:
    db = clinic_database()
    chart = visit_chart()
    with key_source(db, chart):
        return _run(db, chart, rounds)


def _run(db: Path, chart: Path, rounds: int | None) -> dict[str, float]:
    if rounds is None:
        rounds = 3 if os.environ.get("NMT_BENCH_QUICK") == "1" else 7
    click = _temple()
    # warm the OS file cache and byte-code once
    _launch("bare", db), _launch("app", db), _launch("cli", db)
    bare, app, cli, first, fifteen = [], [], [], [], []
    for _ in range(rounds):
        bare.append(_launch("bare", db))
        app.append(_launch("app", db))
        cli.append(_launch("cli", db))
        first.append(_launch_on_copy("first_click", chart, click))
        fifteen.append(_launch_on_copy("visit15", chart, click))
    bare_ms = statistics.median(r["ms"] for r in bare)
    app_ms = statistics.median(r["ms"] for r in app)
    bare_kib = statistics.median(r["peak_kib"] for r in bare)
    app_kib = statistics.median(r["peak_kib"] for r in app)
    # CPU time to the first paint: steadier than wall-clock on a loaded machine.
    bare_cpu = statistics.median(r["cpu_ms"] for r in bare)
    app_cpu = statistics.median(r["cpu_ms"] for r in app)
    cli_ms = statistics.median(r["ms"] for r in cli)
    cli_cpu = statistics.median(r["cpu_ms"] for r in cli)
    cli_main_cpu = statistics.median(r.get("main_cpu_ms", 0.0) for r in cli)
    cli_kib = statistics.median(r["peak_kib"] for r in cli)
    return {
        "startup_bare_ms": bare_ms,
        "startup_app_ms": app_ms,
        "startup_ratio": app_ms / bare_ms,
        "startup_cpu_bare_ms": bare_cpu,
        "startup_cpu_app_ms": app_cpu,
        "startup_cpu_ratio": app_cpu / bare_cpu,
        # the whole command line, `nmt-bodymap --db CHART` (issue 18: as a therapist starts)
        "startup_cli_ms": cli_ms,
        "startup_cli_ratio": cli_ms / bare_ms,
        "startup_cli_cpu_ms": cli_cpu,
        "startup_cli_cpu_ratio": cli_cpu / bare_cpu,
        # the GUI thread's CPU alone (an encrypted chart's key is unwrapped beside it)
        "startup_cli_main_cpu_ms": cli_main_cpu,
        # the command line's peak at the first paint: an encrypted chart's key is unwrapped
        # (argon2id, 64 MiB) from the launch on there, not in the ``app`` child's start
        "peak_memory_cli_mib": cli_kib / 1024,
        "peak_memory_bare_mib": bare_kib / 1024,
        "peak_memory_app_mib": app_kib / 1024,
        "peak_memory_ratio": app_kib / bare_kib,
        # issue 18: the first click answered (mark and candidates shown), from launch
        "first_click_ms": statistics.median(r["ms"] for r in first),
        # issue 18: peak memory after a 15-mark visit with a candidate chosen
        "visit15_marks": statistics.median(r.get("marks", 0.0) for r in fifteen),
        "peak_memory_visit15_mib": statistics.median(r["peak_kib"] for r in fifteen) / 1024,
        "peak_memory_visit15_ratio": statistics.median(r["peak_kib"] for r in fifteen) / bare_kib,
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:<24} {value:10.2f}")
