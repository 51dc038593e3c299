"""Kill the chart store and the CLI at random points of save, backup, migration and restore.

    .venv/bin/python tools/fault_inject.py [--rounds 120] [--seed N] [--folder DIR]

Each round starts one real process and SIGKILLs it after a random delay:

- save: the store writer (``ChartStore.add_pain_mark``) printing each acknowledged mark id;
- backup: ``nmt-bodymap backup``;
- restore: ``nmt-bodymap restore --from`` a backup taken after every acknowledged write;
- migration: opening a chart written at schema 0001 (``nmt-bodymap init`` migrates it).

After every kill the chart must pass ``PRAGMA integrity_check``, hold every acknowledged
mark, open again (the lock of the killed process is taken over), and every backup named
as one must be whole (a killed backup leaves only a temporary file, removed at the next
start). Prints ``acknowledged N, lost 0, integrity ok`` or exits 1 naming the seed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WRITER = r"""
import sys
from nmt_bodymap.store.service import ChartStore
store = ChartStore.open(sys.argv[1], backup_on_close=False)
visit_id = int(sys.argv[2])
print("open", flush=True)
n = 0
while True:
    n += 1
    mark = store.add_pain_mark(visit_id, view="anterior", x=float(100 + n % 700), y=300.0,
                               region="temple", side="right", intensity=n % 11, quality="ache")
    print(mark.id, flush=True)
"""


class Lost(Exception):
    pass


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "nmt_bodymap", *args]


def _kill_after(process: subprocess.Popen, delay: float) -> None:
    time.sleep(delay)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


def _marks(chart: Path) -> set[int]:
    with sqlite3.connect(chart) as conn:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise Lost(f"integrity check of {chart.name}: {result}")
        ids = {row[0] for row in conn.execute("SELECT id FROM pain_marks")}
    conn.close()
    return ids


def _check_backups(chart: Path) -> None:
    from nmt_bodymap.store.backups import check_backup, list_backups

    for backup in list_backups(chart, kind=None):
        check_backup(backup.path)  # raises for a partial or damaged "backup"


def _round_save(chart: Path, visit_id: int, rng: random.Random, acked: set[int]) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(chart), str(visit_id)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    try:
        if writer.stdout.readline().strip() != "open":
            raise Lost("the writer could not open the chart (lock not taken over?)")
        for _ in range(rng.choice([0, 1, 2, 3, 5, 8, 13, 21])):
            acked.add(int(writer.stdout.readline()))
        writer.send_signal(signal.SIGKILL)
        for line in writer.stdout:  # ids printed before the kill landed
            if line.strip().isdigit():
                acked.add(int(line))
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait()


def _round_cli(args: list[str], rng: random.Random, env: dict[str, str], full: float) -> None:
    """Kill the command somewhere in its last half (after the imports, in the work)."""
    process = subprocess.Popen(
        _cli(*args), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _kill_after(process, rng.uniform(0.5 * full, 1.05 * full))


def _timed(args: list[str], env: dict[str, str]) -> float:
    """How long the command takes when nothing kills it."""
    started = time.monotonic()
    subprocess.run(_cli(*args), env=env, capture_output=True, check=True)
    return time.monotonic() - started


def _old_chart(folder: Path) -> Path:
    """A chart at schema 0001 holding one client, visit and mark (the migration template)."""
    from sqlalchemy import text

    from nmt_bodymap.store.database import database_url, make_engine
    from nmt_bodymap.store.migrate import upgrade_database

    path = folder / "template-0001.sqlite3"
    engine = make_engine(database_url(path))
    upgrade_database(engine, revision="0001")
    now = "2025-01-05 09:00:00"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clients (id, name, name_key, surname_key, date_of_birth, phone, "
                "email, address, notes, is_demo, created_at, updated_at) VALUES (1, 'Old "
                "Chart', 'old chart', 'chart', NULL, '', '', '', '', 0, :n, :n)"
            ),
            {"n": now},
        )
        conn.execute(
            text(
                "INSERT INTO visits (id, client_id, started_at, therapist, chief_complaint, "
                "subjective, objective, assessment, plan, posture, gait, created_at, "
                "updated_at) VALUES (1, 1, :n, '', '', '', '', '', '', '', '', :n, :n)"
            ),
            {"n": now},
        )
        conn.execute(
            text(
                "INSERT INTO pain_marks (id, visit_id, view, x, y, region, side, intensity, "
                "quality, note, created_at, updated_at) VALUES (1, 1, 'anterior', 300, 300, "
                "'temple', 'right', 5, 'ache', '', :n, :n)"
            ),
            {"n": now},
        )
    engine.dispose()
    return path


def run(rounds: int, seed: int, folder: Path) -> tuple[int, dict[str, int]]:
    from nmt_bodymap.store.service import ChartStore

    rng = random.Random(seed)
    env = {**os.environ, "NMT_BODYMAP_DATA_DIR": str(folder / "data")}
    env["NMT_BODYMAP_CONFIG_DIR"] = str(folder / "config")
    env["NMT_BODYMAP_LOG_DIR"] = str(folder / "logs")
    chart = folder / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        client = store.create_client(name="Fault Injection")
        visit_id = store.create_visit(client.id).id
    template = _old_chart(folder)
    good = folder / "good-calibration.sqlite3"
    ChartStore.open(chart, backup_on_close=False).close()
    full = {"backup": _timed(["backup", "--db", str(chart), "--to", str(good)], env)}
    full["restore"] = _timed(["restore", "--db", str(chart), "--from", str(good)], env)
    migrating = folder / "migrating.sqlite3"
    shutil.copyfile(template, migrating)
    full["migration"] = _timed(["init", "--db", str(migrating)], env)
    acked: set[int] = set()
    counts = {"save": 0, "backup": 0, "restore": 0, "migration": 0}
    for number in range(rounds):
        kind = rng.choice(["save", "save", "backup", "restore", "migration"])
        counts[kind] += 1
        if kind == "save":
            _round_save(chart, visit_id, rng, acked)
        elif kind == "backup":
            _round_cli(["backup", "--db", str(chart)], rng, env, full["backup"])
        elif kind == "restore":
            with ChartStore.open(chart, backup_on_close=False) as store:
                good = store.backup(folder / f"good-{number}.sqlite3")
            _round_cli(
                ["restore", "--db", str(chart), "--from", str(good)], rng, env, full["restore"]
            )
        else:
            for stale in migrating.parent.glob("migrating.sqlite3*"):
                stale.unlink()
            shutil.copyfile(template, migrating)
            _round_cli(["init", "--db", str(migrating)], rng, env, full["migration"])
            with ChartStore.open(migrating, backup_on_close=False) as store:
                if [m.id for m in store.list_pain_marks(1)] != [1]:
                    raise Lost(f"round {number}: the migrated chart lost its mark")
        missing = acked - _marks(chart)
        if missing:
            raise Lost(f"round {number} ({kind}): lost marks {sorted(missing)[:10]}")
        ChartStore.open(chart, backup_on_close=False).close()  # opens again; tidies up
        _check_backups(chart)
    return len(acked) + counts["migration"], counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=120)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="nmt-fault-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        acknowledged, counts = run(args.rounds, seed, folder)
    except Exception as exc:  # a lost row, a damaged chart or backup: name the seed
        print(f"FAILED (seed {seed}): {type(exc).__name__}: {exc}")
        return 1
    finally:
        if args.folder is None:
            shutil.rmtree(folder, ignore_errors=True)
    took = time.monotonic() - started
    detail = ", ".join(f"{k} {v}" for k, v in counts.items())
    print(f"{args.rounds} rounds (seed {seed}; {detail}) in {took:.0f} s")
    print(f"acknowledged {acknowledged}, lost 0, integrity ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
