"""Power-cut safety: a writer killed with SIGKILL at random moments loses nothing it
reported as saved, and the chart file stays intact.

The child is a small script that saves pain marks in a loop and prints each returned id.
To keep 50 kills well under a minute on a slow machine, the script imports the store
once and forks a fresh writer per round (the writer opens the chart itself, as the app
would); the test kills that writer.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from nmt_bodymap.store import ChartStore

ROUNDS = 50

WRITER = r"""
import os, sys
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store.service import ChartStore

path, visit_id = sys.argv[1], int(sys.argv[2])
BUTTOCK = load_atlas().region("posterior", "buttock", "left").point
for _ in sys.stdin:
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            print(f"pid {os.getpid()}", flush=True)
            store = ChartStore.open(path, backup_on_close=False)
            n = 0
            while True:
                n += 1
                mark = store.add_pain_mark(
                    visit_id, view="posterior", x=BUTTOCK[0], y=BUTTOCK[1], region="buttock",
                    side="left", intensity=n % 11, quality="ache", note="x" * (n % 500),
                )
                print(mark.id, flush=True)
        finally:
            os._exit(1)
    os.waitpid(pid, 0)
    print("dead", flush=True)
"""


def test_marks_reported_saved_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Crash Test")
        visit_id = store.create_visit(client.id).id
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    writer = subprocess.Popen(
        [sys.executable, str(script), str(path), str(visit_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert writer.stdin is not None and writer.stdout is not None
    reported: set[int] = set()
    try:
        for round_number in range(ROUNDS):
            writer.stdin.write("go\n")
            writer.stdin.flush()
            first = writer.stdout.readline().split()
            assert first[0] == "pid", f"seed {seed}: writer said {first}"
            moment = rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 21])
            for _ in range(moment):
                reported.add(int(writer.stdout.readline()))
            os.kill(int(first[1]), signal.SIGKILL)
            for line in iter(writer.stdout.readline, "dead\n"):
                assert line, f"seed {seed}: writer ended early"
                reported.add(int(line))

            with sqlite3.connect(path) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], (
                    f"seed {seed}, round {round_number}"
                )
                saved = {row[0] for row in conn.execute("SELECT id FROM pain_marks")}
            conn.close()
            missing = reported - saved
            assert not missing, f"seed {seed}, round {round_number}: lost {sorted(missing)}"
    finally:
        writer.stdin.close()
        writer.kill()
        writer.wait()
    assert len(reported) > ROUNDS
    with ChartStore.open(path, backup_on_close=False) as store:
        assert {m.id for m in store.list_pain_marks(visit_id)} >= reported
