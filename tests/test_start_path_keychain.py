"""An encrypted chart whose key is kept in the OS keychain paints its first window before
``keyring`` is imported or asked (issue 18), in a fresh process through the command line.

``keyring``'s import alone is ~25-50 ms of the GUI thread (``jaraco.context`` brings
``urllib.request``, ``http.client``, ``ssl`` and ``email``) and its backend's discovery more;
the set-up/unlock dialogs' module ~7 ms. The keychain is the bench's file backend
(``bench/bench_keyring.py``, chosen through ``PYTHON_KEYRING_BACKEND``), never the
machine's; the child has no secret in its environment.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.fresh_process import app_env, run_child
from tests.test_start_path import CLI_CHILD, HEAVY

pytest.importorskip("sqlcipher3")

BENCH = Path(__file__).resolve().parent.parent / "bench"
SECRET = "a test passphrase"


def test_a_keychain_held_key_is_read_after_the_first_paint(tmp_path: Path) -> None:
    from nmt_bodymap.store import encryption
    from nmt_bodymap.store.service import ChartStore

    chart = tmp_path / "charts.sqlite3"
    key, _ = encryption.set_up_key(chart, {"account:Ana": SECRET})
    try:
        ChartStore.open(chart, backup_on_close=False).close()
    finally:
        encryption.forget_all()
    keychain = tmp_path / "keychain.json"
    keychain.write_text(
        json.dumps({encryption.KEYRING_SERVICE: {encryption.check_of(key): key.hex()}}),
        encoding="utf-8",
    )
    env = app_env(
        tmp_path,
        PYTHON_KEYRING_BACKEND="bench_keyring.FileKeyring",
        NMT_BENCH_KEYRING_FILE=str(keychain),
        PYTHONPATH=os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(BENCH)])),
    )
    env.pop(encryption.SECRET_ENV, None)
    env.pop("QT_NO_GUI_THREADPOOL", None)
    report = run_child(CLI_CHILD, json.dumps(HEAVY), str(chart), env=env)
    assert "heavy" in report, "the window never painted"
    assert report["heavy"] == [], (
        f"imported before the first paint of the window: {report['heavy']}; "
        "the keychain is read when the chart opens, behind the window (issue 18)"
    )
    assert report["dialogs"] is False  # nothing to ask before the window
    assert report["status"] == 0
