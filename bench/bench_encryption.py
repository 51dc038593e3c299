"""Cost of encryption at rest: the same chart work on a plain and an encrypted chart.

Interleaved in one process (plain, encrypted, plain, ...) so machine load hits both alike;
the figures that matter are the ratios. Each chart holds 500 clients with one visit and
five marks each. Timed: opening the chart (including the key: argon2id unwrap of a slot,
as at sign-in), opening a client chart (what a click on a client waits for), and adding
a pain mark (what a click on the map saves). Run: ``python bench/bench_encryption.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]
SECRET = "bench passphrase, not a real one"
CLIENTS = 500


def _build(path: Path, encrypted: bool) -> list[int]:
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.store import encryption
    from nmt_bodymap.store.service import ChartStore

    if encrypted:
        encryption.set_up_key(path, {"account:bench": SECRET})
    neck_x, neck_y = load_atlas().region("posterior", "posterior_neck", "left").point
    visits = []
    with ChartStore.open(path, backup_on_close=False) as store:
        for i in range(CLIENTS):
            client = store.create_client(name=f"Client {i}")
            visit = store.create_visit(client.id, chief_complaint="neck")
            for j in range(5):
                store.add_pain_mark(
                    visit.id,
                    view="posterior",
                    x=neck_x,
                    y=neck_y,
                    region="posterior_neck",
                    side="left",
                    intensity=j,
                    quality="ache",
                )
            visits.append(visit.id)
    return visits


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _round(path: Path, encrypted: bool, samples: int) -> dict[str, list[float]]:
    from nmt_bodymap.core.atlas import load_atlas
    from nmt_bodymap.store import encryption
    from nmt_bodymap.store.service import ChartStore

    temple_x, temple_y = load_atlas().region("anterior", "temple", "right").point
    encryption.forget_all()
    start = time.perf_counter()
    if encrypted:
        assert encryption.unlock(path, SECRET, label="account:bench")
    store = ChartStore.open(path, backup_on_close=False)
    opened = _ms(start)
    charts, marks = [], []
    try:
        for i in range(samples):
            start = time.perf_counter()
            store.open_chart(1 + (i * 7) % CLIENTS)
            charts.append(_ms(start))
            start = time.perf_counter()
            store.add_pain_mark(
                1 + (i * 11) % CLIENTS,
                view="anterior",
                x=temple_x,
                y=temple_y,
                region="temple",
                side="right",
                intensity=5,
                quality="ache",
            )
            marks.append(_ms(start))
    finally:
        store.close()
    return {"open": [opened], "open_chart": charts, "add_mark": marks}


def run(rounds: int = 3, samples: int = 200) -> dict[str, float]:
    os.environ.pop("NMT_BODYMAP_SECRET", None)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {False: Path(tmp) / "plain.sqlite3", True: Path(tmp) / "encrypted.sqlite3"}
        for encrypted, path in paths.items():
            _build(path, encrypted)
        got: dict[bool, dict[str, list[float]]] = {
            False: {"open": [], "open_chart": [], "add_mark": []},
            True: {"open": [], "open_chart": [], "add_mark": []},
        }
        for _ in range(rounds):
            for encrypted in (False, True):
                for name, values in _round(paths[encrypted], encrypted, samples).items():
                    got[encrypted][name] += values
    figures: dict[str, float] = {}
    for name in ("open", "open_chart", "add_mark"):
        for encrypted, label in ((False, "plain"), (True, "encrypted")):
            values = sorted(got[encrypted][name])
            figures[f"{name}.{label}_p50_ms"] = statistics.median(values)
            figures[f"{name}.{label}_p95_ms"] = values[int(0.95 * (len(values) - 1))]
        figures[f"{name}.p50_ratio"] = (
            figures[f"{name}.encrypted_p50_ms"] / figures[f"{name}.plain_p50_ms"]
        )
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:<32} {value:10.2f}")
