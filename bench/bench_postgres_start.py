"""Start-up on a PostgreSQL chart (the multi-room clinic) beside SQLite and the bare window.

    python bench/bench_postgres_start.py [--rounds 5] [--baseline /work/main]

Not in run.py: it needs a database server. It starts the throw-away server of the store
tests (``tools/postgres_test_server.sh``, loopback only, its own folder) and stops it again
on exit, makes a 10,000-client chart and a one-visit chart there (as ``bench_startup`` makes
them in SQLite), then launches ``startup_child.py`` in turn, interleaved: the bare window,
``nmt-bodymap --db URL`` to the first painted window (``cli``), and the first click on the
map answered (``first_click``: the mark and the candidates shown), each on PostgreSQL and on
SQLite. Prints the medians, the ratios to the bare window and each child's peak memory.
The first-click chart is a fresh copy (a new database from a template) per launch, so the
marks made do not pile up. ``--baseline DIR`` (another checkout, e.g. main) adds that
checkout's ``cli`` and ``first_click`` on PostgreSQL to every round, in turn with this one's
(``*_baseline`` rows): a before/after in one run, on one server.
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
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SERVER = HERE.parent / "tools" / "postgres_test_server.sh"


def _server(*args: str, state: Path) -> str:
    env = {**os.environ, "NMT_PG_DIR": str(state)}
    out = subprocess.run(
        ["bash", str(SERVER), *args], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def _with_database(base: str, name: str) -> str:
    return base.rsplit("/", 1)[0] + "/" + name


def _admin(base: str, sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def _clinic(base: str, clients: int) -> str:
    """The 10,000-client chart, as ``bench_startup.clinic_database`` makes it."""
    import random
    from datetime import date, timedelta

    from sqlalchemy import insert

    from nmt_bodymap.store.database import database_url, make_engine
    from nmt_bodymap.store.models import Client
    from nmt_bodymap.store.service import ChartStore

    url = _with_database(base, "bench_clinic")
    _admin(base, "DROP DATABASE IF EXISTS bench_clinic")
    _admin(base, "CREATE DATABASE bench_clinic")
    ChartStore.open(url, backup_on_close=False).close()
    rng = random.Random(11)
    rows = []
    for i in range(clients):
        name = f"Client {rng.choice('ABCDEFGH')}{i}"
        rows.append(
            {
                "name": name,
                "name_key": name.casefold(),
                "surname_key": name.split()[-1].casefold(),
                "date_of_birth": date(1940, 1, 1) + timedelta(days=rng.randrange(25_000)),
            }
        )
    engine = make_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(insert(Client), rows)
    engine.dispose()
    return url


def _one_visit_template(base: str) -> None:
    from nmt_bodymap.store.service import ChartStore

    _admin(base, "DROP DATABASE IF EXISTS bench_visit")
    _admin(base, "CREATE DATABASE bench_visit")
    with ChartStore.open(_with_database(base, "bench_visit"), backup_on_close=False) as store:
        client = store.create_client(name="Bench Client", date_of_birth="1980-01-01")
        store.create_visit(client.id, chief_complaint="benchmark")


def _launch(
    kind: str, db: str, extra: dict[str, str], checkout: Path = HERE.parent
) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    if checkout != HERE.parent:  # the baseline's own code and child
        env["PYTHONPATH"] = str(checkout)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="nmt-pg-settings-") as settings:
        env["NMT_BODYMAP_CONFIG_DIR"] = settings  # never the user's remembered window
        env["NMT_BENCH_T0"] = repr(time.time())
        out = subprocess.run(
            [sys.executable, str(checkout / "bench" / "startup_child.py"), kind, db],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    report: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return report


def run(rounds: int = 5, baseline: Path | None = None) -> dict[str, float]:
    from bench_startup import _temple, clinic_database, visit_chart

    state = Path(tempfile.mkdtemp(prefix="nmt-bench-pg-"))
    logs = Path(tempfile.mkdtemp(prefix="nmt-bench-pg-logs-"))
    try:
        base = _server(state=state)
        clinic = _clinic(base, 10_000)
        _one_visit_template(base)
        sqlite_clinic, sqlite_visit, click = str(clinic_database()), visit_chart(), _temple()
        extra = {"NMT_BODYMAP_LOG_DIR": str(logs), "NMT_BODYMAP_DATA_DIR": str(logs)}
        rows: dict[str, list[dict[str, float]]] = {}

        def add(name: str, result: dict[str, float]) -> None:
            rows.setdefault(name, []).append(result)

        for warm in (True,) + (False,) * rounds:
            for kind, db, name in (
                ("bare", sqlite_clinic, "bare"),
                ("cli", clinic, "cli_postgres"),
                ("cli", sqlite_clinic, "cli_sqlite"),
            ):
                result = _launch(kind, db, extra)
                if not warm:
                    add(name, result)
            result = _first_click_postgres(base, {**extra, "NMT_BENCH_CLICK": click})
            if baseline is not None:
                before = _launch("cli", clinic, extra, baseline)
                before_click = _first_click_postgres(
                    base, {**extra, "NMT_BENCH_CLICK": click}, baseline
                )
                if not warm:
                    add("cli_postgres_baseline", before)
                    add("first_click_postgres_baseline", before_click)
            with tempfile.TemporaryDirectory(prefix="nmt-bench-pg-copy-") as tmp:
                local = Path(tmp) / sqlite_visit.name
                shutil.copy2(sqlite_visit, local)
                sqlite_result = _launch(
                    "first_click",
                    str(local),
                    {**extra, "NMT_BENCH_CLICK": click, "NMT_BODYMAP_DATA_DIR": tmp},
                )
            if not warm:
                add("first_click_postgres", result)
                add("first_click_sqlite", sqlite_result)
    finally:
        try:
            _server("stop", state=state)
        finally:
            shutil.rmtree(state, ignore_errors=True)
            shutil.rmtree(logs, ignore_errors=True)

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in rows[name])

    bare = median("bare", "ms")
    figures = {"bare_ms": bare, "bare_peak_mib": median("bare", "peak_kib") / 1024}
    for name in ("cli_postgres", "cli_sqlite", "first_click_postgres", "first_click_sqlite"):
        for run_of in (name, f"{name}_baseline"):
            if run_of in rows:
                figures[f"{run_of}_ms"] = median(run_of, "ms")
                figures[f"{run_of}_cpu_ms"] = median(run_of, "cpu_ms")
                figures[f"{run_of}_peak_mib"] = median(run_of, "peak_kib") / 1024
    figures["cli_postgres_ratio"] = figures["cli_postgres_ms"] / bare
    figures["cli_sqlite_ratio"] = figures["cli_sqlite_ms"] / bare
    return figures


def _first_click_postgres(
    base: str, extra: dict[str, str], checkout: Path = HERE.parent
) -> dict[str, float]:
    """The first click on a fresh copy of the one-visit chart (dropped after)."""
    copy = f"bench_visit_{uuid.uuid4().hex[:8]}"
    _admin(base, f"CREATE DATABASE {copy} TEMPLATE bench_visit")
    try:
        return _launch("first_click", _with_database(base, copy), extra, checkout)
    finally:
        _admin(base, f"DROP DATABASE {copy}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another checkout, run in turn with this")
    arguments = parser.parse_args()
    for figure, value in run(arguments.rounds, arguments.baseline).items():
        print(f"{figure:<36} {value:10.2f}")
