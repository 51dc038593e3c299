"""Chart-store benchmark on a synthetic clinic: is the store fast enough for a busy practice?

Builds (once, then cached) a SQLite clinic of 10,000 clients, 100,000 visits and 1.5 million
pain marks with bulk inserts, then times through ``ChartStore`` what the therapist waits for:

- open a client chart (client, visits, marks of the latest visit)  -- target p95 < 20 ms
- search clients by name prefix                                      -- target p95 < 10 ms
- save one pain mark (committed, synchronous=FULL)
- opening the store itself (once; dominated by the damage check of the whole file)

and reports p50/p95 in milliseconds and the database size. The cache lives in
``$NMT_BENCH_CACHE`` (default ``/tmp/nmt-bodymap-bench``), outside the repository.

    python bench/bench_store.py            # prints the figures as JSON
    from bench.bench_store import run; run()
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store.service import ChartStore, name_keys

CLIENTS = 10_000
VISITS_PER_CLIENT = 10
MARKS_PER_VISIT = 15
SAMPLES = 200
CACHE_VERSION = 3  # 2: the seeded marks lie on the body (region points); 3: rows have uids
SYLLABLES = [
    "an",
    "bel",
    "car",
    "da",
    "el",
    "fer",
    "gi",
    "ha",
    "is",
    "jo",
    "ka",
    "lu",
    "mar",
    "ne",
    "o",
    "pa",
    "qui",
    "ro",
    "sa",
    "ti",
    "u",
    "ve",
    "wen",
    "xi",
    "ya",
    "zo",
]
REGIONS = [
    ("anterior", "temple"), ("anterior", "jaw"), ("anterior", "pectoral"),
    ("posterior", "posterior_neck"), ("posterior", "neck_shoulder_angle"),
    ("posterior", "lumbar_paraspinal"), ("posterior", "buttock"), ("posterior", "posterior_thigh"),
]  # fmt: skip
QUALITIES = ["ache", "sharp", "burning", "throbbing", "tingling", "numbness"]


def cache_path() -> Path:
    folder = Path(os.environ.get("NMT_BENCH_CACHE", "/tmp/nmt-bodymap-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"clinic-v{CACHE_VERSION}.sqlite3"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite DATETIME format


def _uid(table: int, row: int) -> str:
    """A row's uid (revision 0004: unique per table), the same on every build."""
    return str(uuid.UUID(int=table << 64 | row))


def build_clinic(path: Path, seed: int = 7) -> None:
    """Create the schema through the store, then bulk-insert the synthetic clinic."""
    partial = path.with_suffix(".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    ChartStore.open(partial, backup_on_close=False).close()
    rng = random.Random(seed)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    now = _stamp(datetime.now(UTC))
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")

    def clients() -> Iterator[tuple]:
        for client_id in range(1, CLIENTS + 1):
            name = f"{_word(rng)} {_word(rng)}"
            born = (datetime(1940, 1, 1) + timedelta(days=rng.randrange(60 * 365))).date()
            born_on, uid = born.isoformat(), _uid(1, client_id)
            yield (client_id, uid, name, *name_keys(name), born_on, "", "", "", "", 0, now, now)

    conn.executemany(
        "INSERT INTO clients (id, uid, name, name_key, surname_key, date_of_birth, phone, email, "
        "address, notes, is_demo, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        clients(),
    )

    def visits() -> Iterator[tuple]:
        for client_id in range(1, CLIENTS + 1):
            for n in range(VISITS_PER_CLIENT):
                visit_id = (client_id - 1) * VISITS_PER_CLIENT + n + 1
                when = _stamp(start + timedelta(days=n * 30 + rng.randrange(20), hours=9))
                yield (
                    visit_id,
                    _uid(2, visit_id),
                    client_id,
                    when,
                    "Sam",
                    "Neck pain",
                    "Subjective notes",
                    when,
                    when,
                )

    conn.executemany(
        "INSERT INTO visits (id, uid, client_id, started_at, therapist, chief_complaint,"
        " subjective, objective, assessment, plan, posture, gait, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,'','','','','',?,?)",
        visits(),
    )

    atlas = load_atlas()

    def marks() -> Iterator[tuple]:
        for visit_id in range(1, CLIENTS * VISITS_PER_CLIENT + 1):
            for n in range(MARKS_PER_VISIT):
                view, region = rng.choice(REGIONS)
                side = rng.choice(("left", "right"))
                x, y = atlas.region(view, region, side).point  # on the body, as the app stores
                yield (
                    _uid(3, visit_id * MARKS_PER_VISIT + n), visit_id, view, x, y, region, side,
                    rng.randint(0, 10), rng.choice(QUALITIES), now, now,
                )  # fmt: skip

    conn.executemany(
        "INSERT INTO pain_marks (uid, visit_id, view, x, y, region, side, intensity, quality,"
        " note, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,'',?,?)",
        marks(),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.replace(partial, path)


def _timed(action: Callable[[], object], samples: int) -> dict[str, float]:
    action()  # warm the cache and the statement compiler
    times = []
    for _ in range(samples):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 3),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 3),
    }


def run(path: Path | None = None, samples: int = SAMPLES) -> dict:
    """Build the clinic if needed, time the three operations; returns the figures."""
    path = path or cache_path()
    built_in = None
    if not path.exists():
        began = time.perf_counter()
        build_clinic(path)
        built_in = round(time.perf_counter() - began, 1)
    rng = random.Random(11)
    began = time.perf_counter()
    store = ChartStore.open(path, backup_on_close=False)  # includes the file's quick check
    open_store_ms = round((time.perf_counter() - began) * 1000, 1)
    try:
        names = [c.name for c in store.search_clients("", limit=1)]
        prefixes = [name_keys(f"{_word(rng)}")[0][:3] for _ in range(samples + 1)] + names
        prefix_iter = iter(prefixes)
        client_ids = iter([rng.randint(1, CLIENTS) for _ in range(samples + 1)])
        visit_id = store.list_visits(CLIENTS)[0].id
        neck_x, neck_y = load_atlas().region("posterior", "posterior_neck", "right").point
        open_chart = _timed(lambda: store.open_chart(next(client_ids)), samples)
        search = _timed(lambda: store.search_clients(next(prefix_iter), limit=20), samples)
        save_mark = _timed(
            lambda: store.add_pain_mark(
                visit_id, view="posterior", x=neck_x, y=neck_y, region="posterior_neck",
                side="right", intensity=5, quality="ache",
            ),
            min(samples, 100),
        )  # fmt: skip
        chart = store.open_chart(1)
    finally:
        store.close()
    wal = Path(f"{path}-wal")
    size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    return {
        "database": str(path),
        "built_in_s": built_in,
        "clients": CLIENTS,
        "visits": CLIENTS * VISITS_PER_CLIENT,
        "pain_marks": CLIENTS * VISITS_PER_CLIENT * MARKS_PER_VISIT,
        "chart_visits": len(chart.visits),
        "chart_marks": len(chart.latest_marks),
        "open_store_ms": open_store_ms,
        "open_chart": open_chart,
        "search_prefix": search,
        "save_mark": save_mark,
        "database_mb": round(size / 1e6, 1),
    }


if __name__ == "__main__":
    result = run(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(json.dumps(result, indent=2))
