"""A row change and its history entry are stored both or neither: a writer applying
operations is killed with SIGKILL at random moments, and after every kill each row's
version equals the number of history entries naming it (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.database import database_url, make_engine

ROUNDS = 20

WRITER = r"""
import os, random, sys
from nmt_bodymap.core.operations import RowKind
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store.service import ChartStore

target, visit = sys.argv[1], sys.argv[2]
X, Y = load_atlas().region("posterior", "buttock", "left").point
MARK = {"view": "posterior", "x": X, "y": Y, "region": "buttock", "side": "left",
        "intensity": 3, "quality": "ache", "note": ""}
for _ in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            rng = random.Random(os.getpid())
            print(f"pid {os.getpid()}", flush=True)
            store = ChartStore.open(target, backup_on_close=False, who="writer")
            doc = store.load_visit_document(visit)
            while True:
                live = list(doc.rows(RowKind.PAIN_MARK))
                gone = [u for u, s in doc.rows(RowKind.PAIN_MARK, True).items() if s.deleted]
                pick = rng.random()
                if len(live) < 3 or pick < 0.2:
                    op = doc.add_op(RowKind.PAIN_MARK, dict(MARK))
                elif pick < 0.7:
                    uid = rng.choice(live)
                    op = doc.change_op(RowKind.PAIN_MARK, uid, intensity=rng.randrange(11),
                                       note="n" * rng.randrange(400))
                elif pick < 0.85 or not gone:
                    op = doc.delete_op(RowKind.PAIN_MARK, rng.choice(live))
                else:
                    op = doc.restore_op(RowKind.PAIN_MARK, rng.choice(gone))
                doc.apply(op)
                store.apply(op)
                print("ok", flush=True)
        finally:
            os._exit(1)
    os.waitpid(pid, 0)
    print("dead", flush=True)
"""

CHECKS = {
    # a row whose version is not the number of history entries naming it
    "counts": "SELECT count(*) FROM pain_marks m WHERE m.version <> "
    "(SELECT count(*) FROM history h WHERE h.row_uid = m.uid)",
    # a history entry for a row that is not stored
    "orphans": "SELECT count(*) FROM history h WHERE h.kind = 'pain_mark' AND NOT EXISTS "
    "(SELECT 1 FROM pain_marks m WHERE m.uid = h.row_uid)",
    # a row whose removed flag disagrees with its newest history entry
    "flags": "SELECT count(*) FROM pain_marks m JOIN history h ON h.row_uid = m.uid "
    "AND h.version = m.version WHERE (h.op = 'delete') <> (m.deleted_at IS NOT NULL)",
}


def _check(target: str) -> dict[str, int]:
    engine = make_engine(database_url(target))
    try:
        with engine.connect() as conn:
            found = {name: conn.scalar(text(sql)) or 0 for name, sql in CHECKS.items()}
            found["entries"] = conn.scalar(text("SELECT count(*) FROM history")) or 0
    finally:
        engine.dispose()
    return found


def test_history_and_rows_survive_sigkill_together(db_target: str, tmp_path: Path) -> None:
    with ChartStore.open(db_target, backup_on_close=False) as store:
        client = store.create_client(name="Crash Test")
        visit = store.create_visit(client.id).uid
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    writer = subprocess.Popen(
        [sys.executable, str(script), db_target, visit],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert writer.stdin is not None and writer.stdout is not None
    applied = 0
    try:
        for round_number in range(ROUNDS):
            writer.stdin.write("go\n")
            writer.stdin.flush()
            first = writer.stdout.readline().split()
            assert first and first[0] == "pid", f"seed {seed}: writer said {first}"
            for _ in range(rng.choice([0, 1, 2, 3, 5, 8, 13, 21])):
                line = writer.stdout.readline()
                assert line == "ok\n", f"seed {seed}: writer said {line!r}"
                applied += 1
            os.kill(int(first[1]), signal.SIGKILL)
            for line in iter(writer.stdout.readline, "dead\n"):
                assert line, f"seed {seed}: writer ended early"
                applied += 1
            found = _check(db_target)
            assert (found["counts"], found["orphans"], found["flags"]) == (0, 0, 0), (
                f"seed {seed}, round {round_number}: {found}"
            )
            assert found["entries"] >= applied + 2  # client and visit too
    finally:
        writer.stdin.close()
        writer.kill()
        writer.wait()
    assert applied > ROUNDS
    with ChartStore.open(db_target, backup_on_close=False) as store:
        assert store.load_visit_document(visit).rows("pain_mark", include_deleted=True)


def test_the_check_sees_a_row_changed_without_its_history(db_target: str) -> None:
    with ChartStore.open(db_target, backup_on_close=False) as store:
        visit = store.create_visit(store.create_client(name="Check").id)
        mark = store.add_pain_mark(
            visit.id, view="internal", region="upper_teeth", side="left", intensity=2,
            quality="ache",
        )  # fmt: skip
        store.delete_pain_mark(mark.id)
    assert _check(db_target)["counts"] == 0
    engine = make_engine(database_url(db_target))
    with engine.begin() as conn:
        conn.execute(text("UPDATE pain_marks SET version = 3, deleted_at = NULL"))
    engine.dispose()
    found = _check(db_target)
    assert (found["counts"], found["flags"]) == (1, 0)
    with engine.begin() as conn:
        conn.execute(text("UPDATE pain_marks SET version = 2"))
        conn.execute(
            text(
                "INSERT INTO history (at, who, client_id, client_uid, kind, row_uid, op, version)"
                " SELECT at, who, client_id, client_uid, kind, 'gone', op, version FROM history"
                " WHERE kind = 'pain_mark' AND op = 'add'"
            )
        )
    engine.dispose()
    found = _check(db_target)
    assert (found["orphans"], found["flags"]) == (1, 1)
