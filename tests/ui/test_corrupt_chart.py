"""A damaged chart file at start-up: the window offers the latest backup, and keeps the
damaged file either way (restored from: set aside in backups/; declined: left untouched)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.store import ChartDatabaseCorrupt, ChartStore
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder


def _overwrite_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"Dear diary, ouch"
    path.write_bytes(bytes(data))


def _scramble_middle(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:4096] + os.urandom(len(data) - 4096))


@pytest.fixture
def damaged_chart(tmp_path: Path, request: pytest.FixtureRequest) -> dict[str, Any]:
    """A chart holding Ana Ruiz, backed up, then damaged as the test's parameter says."""
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        backup = store.backup()
    request.param(path)
    return {"path": path, "backup": backup, "damaged": path.read_bytes()}


@pytest.fixture
def start_app(qtbot: Any) -> Iterator[Callable[[Path], tuple[Any, ExitRecorder]]]:
    """Starts the app's own open path (``show_main_window``) on a chart file."""
    workers: list[StoreWorker] = []

    def start(path: Path) -> tuple[Any, ExitRecorder]:
        exits = ExitRecorder()
        worker = StoreWorker()
        workers.append(worker)
        window = app_module.show_main_window(exits, worker, str(path))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        return window, exits

    yield start
    for worker in workers:
        worker.shutdown()


DAMAGES = [
    pytest.param(_overwrite_header, id="header-overwritten"),
    pytest.param(_scramble_middle, id="pages-scrambled"),
]


@pytest.mark.parametrize("damaged_chart", DAMAGES, indirect=True)
def test_restoring_the_offered_backup_brings_the_client_back_and_keeps_the_damaged_file(
    qtbot: Any,
    damaged_chart: dict[str, Any],
    start_app: Any,
    no_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offered: list[ChartDatabaseCorrupt] = []

    def choose_restore(error: ChartDatabaseCorrupt) -> bool:
        offered.append(error)
        return True

    monkeypatch.setattr(app_module, "ask_restore", choose_restore)
    window, exits = start_app(damaged_chart["path"])

    qtbot.waitUntil(lambda: window.clients.current_client() is not None, timeout=15_000)
    assert window.clients.current_client().name == "Ana Ruiz"
    assert exits.codes == []
    assert [e.latest_backup for e in offered] == [damaged_chart["backup"]]
    assert "cannot be read" in str(offered[0])
    kept = [
        p
        for p in damaged_chart["path"].parent.joinpath("backups").iterdir()
        if "before-restore" in p.name
    ]
    assert len(kept) == 1, "the damaged chart must be set aside, not deleted"
    assert kept[0].read_bytes() == damaged_chart["damaged"]
    assert any("backup was restored" in m and kept[0].name in m for m in no_dialogs)


@pytest.mark.parametrize("damaged_chart", DAMAGES, indirect=True)
def test_declining_the_restore_changes_nothing_and_says_where_the_files_are(
    qtbot: Any,
    damaged_chart: dict[str, Any],
    start_app: Any,
    no_dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(app_module, "ask_restore", lambda _error: False)
    window, exits = start_app(damaged_chart["path"])

    qtbot.waitUntil(lambda: bool(exits.codes), timeout=15_000)
    assert exits.codes == [1]
    assert window.clients.current_client() is None
    assert damaged_chart["path"].read_bytes() == damaged_chart["damaged"]
    assert damaged_chart["backup"].is_file()
    backups = sorted(p.name for p in damaged_chart["backup"].parent.iterdir())
    assert backups == [damaged_chart["backup"].name], "declining must add or remove nothing"
    assert len(no_dialogs) == 1
    message = no_dialogs[0]
    assert "Nothing was changed" in message
    assert str(damaged_chart["path"]) in message
    assert "nmt-bodymap restore --latest" in message
