"""Kill the chart store and the CLI at random points of save, backup, migration and restore.

    .venv/bin/python tools/fault_inject.py [--rounds 120] [--seed N] [--folder DIR]

Each round forks one process from this one (everything already imported, so a round costs
little) and SIGKILLs it after a random delay:

- save: the store writer (``ChartStore.add_pain_mark``) printing each acknowledged mark id;
- backup: ``nmt-bodymap backup`` (``nmt_bodymap.cli.main``, what the entry point runs);
- restore: ``nmt-bodymap restore --from`` a backup taken after every acknowledged write;
- migration: the app opening a chart written at schema 0001 (``ChartStore.open`` migrates it).
The kill lands anywhere from the start to just past the command's uninterrupted duration.

After every kill the chart must pass ``PRAGMA integrity_check``, hold every acknowledged
mark, open again (the lock of the killed process is taken over), and every backup named
as one must be whole (a killed backup leaves only a temporary file, removed at the next
start). Prints ``acknowledged N, lost 0, integrity ok`` or exits 1 naming the seed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


class Lost(Exception):
    pass


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


def _forked(target: Callable[[], int]) -> int:
    """Run ``target`` in a forked child (this process has imported everything already, so a
    round costs milliseconds, not an interpreter start); returns the child's pid."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = target()
        finally:
            os._exit(code)
    return pid


def _kill(pid: int, delay: float) -> None:
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _round_save(chart: Path, visit_id: int, rng: random.Random, acked: set[int]) -> None:
    """The store writer acknowledges each mark on a pipe; it is killed mid-stream."""
    read_end, write_end = os.pipe()

    def writer() -> int:
        from nmt_bodymap.core.atlas import load_atlas
        from nmt_bodymap.store.service import ChartStore

        os.close(read_end)
        out = os.fdopen(write_end, "w", buffering=1)
        store = ChartStore.open(chart, backup_on_close=False)
        x, y = load_atlas().region("anterior", "temple", "right").point
        print("open", file=out, flush=True)
        n = 0
        while True:
            n += 1
            mark = store.add_pain_mark(
                visit_id,
                view="anterior",
                x=x,
                y=y,
                region="temple",
                side="right",
                intensity=n % 11,
                quality="ache",
            )
            print(mark.id, file=out, flush=True)

    pid = _forked(writer)
    os.close(write_end)
    with os.fdopen(read_end) as lines:
        if lines.readline().strip() != "open":
            os.waitpid(pid, 0)
            raise Lost("the writer could not open the chart (lock not taken over?)")
        for _ in range(rng.choice([0, 1, 2, 3, 5, 8, 13, 21])):
            acked.add(int(lines.readline()))
        _kill(pid, 0)
        for line in lines:  # ids acknowledged before the kill landed
            if line.strip().isdigit():
                acked.add(int(line))


def _round_cli(
    args: list[str], rng: random.Random, full: float, job: Callable[[], int] | None = None
) -> None:
    """Run the CLI (``nmt_bodymap.cli.main``, what the entry point calls), or ``job``, and
    kill it at a random moment of its work."""
    from nmt_bodymap.cli import main as cli_main

    _kill(_forked(_quiet(job or (lambda: cli_main(args)))), rng.uniform(0.0, 1.1 * full))


def _open_chart(path: Path) -> int:
    """What the app does first: open the chart (an old one is migrated on the way)."""
    from nmt_bodymap.store.service import ChartStore

    ChartStore.open(path, backup_on_close=False).close()
    return 0


def _quiet(job: Callable[[], int]) -> Callable[[], int]:
    def run() -> int:
        with open(os.devnull, "w") as quiet:
            os.dup2(quiet.fileno(), 1)
            os.dup2(quiet.fileno(), 2)
        return job()

    return run


def _timed(args: list[str], job: Callable[[], int] | None = None) -> float:
    """How long the command (or ``job``) takes when nothing kills it."""
    from nmt_bodymap.cli import main as cli_main

    started = time.monotonic()
    pid = _forked(_quiet(job or (lambda: cli_main(args))))
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise Lost(f"{args[0]} failed without a kill")
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
    os.environ["NMT_BODYMAP_DATA_DIR"] = str(folder / "data")
    os.environ["NMT_BODYMAP_CONFIG_DIR"] = str(folder / "config")
    os.environ["NMT_BODYMAP_LOG_DIR"] = str(folder / "logs")
    chart = folder / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        client = store.create_client(name="Fault Injection")
        visit_id = store.create_visit(client.id).id
    template = _old_chart(folder)
    good = folder / "good-calibration.sqlite3"
    ChartStore.open(chart, backup_on_close=False).close()
    full = {"backup": _timed(["backup", "--db", str(chart), "--to", str(good)])}
    full["restore"] = _timed(["restore", "--db", str(chart), "--from", str(good)])
    migrating = folder / "migrating.sqlite3"
    shutil.copyfile(template, migrating)
    full["migration"] = _timed(["migrate"], lambda: _open_chart(migrating))
    acked: set[int] = set()
    counts = {"save": 0, "backup": 0, "restore": 0, "migration": 0}
    counts.update({"backup killed mid-copy": 0, "migration killed before done": 0})
    for number in range(rounds):
        kind = rng.choice(["save", "save", "backup", "restore", "migration"])
        counts[kind] += 1
        if kind == "save":
            _round_save(chart, visit_id, rng, acked)
        elif kind == "backup":
            _round_cli(["backup", "--db", str(chart)], rng, full["backup"])
            partial = list((chart.parent / "backups").glob(".*.partial"))
            counts["backup killed mid-copy"] += bool(partial)
        elif kind == "restore":
            with ChartStore.open(chart, backup_on_close=False) as store:
                good = store.backup(folder / f"good-{number}.sqlite3")
            _round_cli(["restore", "--db", str(chart), "--from", str(good)], rng, full["restore"])
        else:
            for stale in migrating.parent.glob("migrating.sqlite3*"):
                stale.unlink()
            shutil.copyfile(template, migrating)
            _round_cli(["migrate"], rng, full["migration"], lambda: _open_chart(migrating))
            with sqlite3.connect(migrating) as conn:
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            conn.close()
            counts["migration killed before done"] += revision == ("0001",)
            with ChartStore.open(migrating, backup_on_close=False) as store:
                if [m.id for m in store.list_pain_marks(1)] != [1]:
                    raise Lost(f"round {number}: the migrated chart lost its mark")
        missing = acked - _marks(chart)
        if missing:
            raise Lost(f"round {number} ({kind}): lost marks {sorted(missing)[:10]}")
        ChartStore.open(chart, backup_on_close=False).close()  # opens again; tidies up
        _check_backups(chart)
        if (number + 1) % 10 == 0:
            print(f"  round {number + 1}: acknowledged {len(acked)}", file=sys.stderr, flush=True)
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
