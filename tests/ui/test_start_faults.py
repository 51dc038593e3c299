"""Faults at start and at the end of a session, through the real window: each its own plain
message and the right offer, nothing destroyed, no demo client in a named chart, SIGTERM
closing cleanly with the on-close backup, the log folder one click away."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from nmt_bodymap import logs
from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.backups import list_backups
from nmt_bodymap.store.errors import ChartDiskFull, ChartFileEmpty
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.termination import TerminationHandler
from tests.ui.conftest import ExitRecorder

PHI = "Zelda Quixote-Phi"


@pytest.fixture
def start_app(qtbot: Any) -> Iterator[Callable[[Path], tuple[Any, ExitRecorder, StoreWorker]]]:
    workers: list[StoreWorker] = []

    def start(path: Path) -> tuple[Any, ExitRecorder, StoreWorker]:
        exits = ExitRecorder()
        worker = StoreWorker()
        workers.append(worker)
        window = app_module.show_main_window(exits, worker, str(path))  # type: ignore[arg-type]
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        return window, exits, worker

    yield start
    for worker in workers:
        worker.shutdown()


def test_zero_length_chart_offers_the_backup_and_adds_no_demo_client(
    qtbot: Any, tmp_path: Path, start_app: Any, no_dialogs: list[str], monkeypatch: Any
) -> None:
    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
        store.backup()
    chart.write_bytes(b"")
    offered: list[Any] = []
    monkeypatch.setattr(app_module, "ask_restore", lambda e: offered.append(e) or False)
    _window, exits, _ = start_app(chart)
    qtbot.waitUntil(lambda: bool(exits.codes), timeout=15_000)
    assert exits.codes == [1]
    assert len(offered) == 1 and isinstance(offered[0], ChartFileEmpty)
    assert chart.stat().st_size == 0  # never silently replaced by a fresh chart
    assert any("Nothing was changed" in m for m in no_dialogs)


def test_full_disk_at_open_is_not_called_damaged_and_does_not_hang(
    qtbot: Any, tmp_path: Path, start_app: Any, no_dialogs: list[str], monkeypatch: Any
) -> None:
    chart = tmp_path / "charts.sqlite3"
    ChartStore.open(chart, backup_on_close=False).close()

    def full(_db: Any) -> Any:
        raise ChartDiskFull(chart)

    monkeypatch.setattr(store_calls, "open_store", full)
    monkeypatch.setattr(app_module, "ask_restore", lambda e: pytest.fail("restore offered"))
    window, exits, _ = start_app(chart)
    qtbot.waitUntil(lambda: bool(exits.codes), timeout=15_000)
    assert exits.codes == [1]
    assert len(no_dialogs) == 1 and "full" in no_dialogs[0]
    assert "damaged" not in no_dialogs[0] and "cannot be read" not in no_dialogs[0]
    assert not window._opening_progress.isVisible()
    assert (
        [p.name for p in (tmp_path / "backups").iterdir()] == []
        if (tmp_path / "backups").exists()
        else True
    )


def test_chart_open_elsewhere_is_named_and_left_alone(
    qtbot: Any, tmp_path: Path, start_app: Any, no_dialogs: list[str]
) -> None:
    chart = tmp_path / "charts.sqlite3"
    ChartStore.open(chart, backup_on_close=False).close()
    hold = (  # another app instance: a real second process with the chart open
        "import sys\nfrom nmt_bodymap.store import ChartStore\n"
        "store = ChartStore.open(sys.argv[1], backup_on_close=False)\n"
        "print('ready', flush=True)\nsys.stdin.readline()\nstore.close()\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", hold, str(chart)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "ready"
        _window, exits, _ = start_app(chart)
        qtbot.waitUntil(lambda: bool(exits.codes), timeout=15_000)
    finally:
        other.communicate("done\n", timeout=60)
    assert exits.codes == [1]
    assert len(no_dialogs) == 1 and "open elsewhere" in no_dialogs[0]


def test_unexpected_errors_show_a_plain_message_without_their_text(
    qtbot: Any, tmp_path: Path, start_app: Any, no_dialogs: list[str], monkeypatch: Any
) -> None:
    chart = tmp_path / "charts.sqlite3"

    def boom(_db: Any) -> Any:
        raise RuntimeError(f"(sqlite3.OperationalError) [parameters: ('{PHI}',)]")

    monkeypatch.setattr(store_calls, "open_store", boom)
    _window, exits, _ = start_app(chart)
    qtbot.waitUntil(lambda: bool(exits.codes), timeout=15_000)
    assert len(no_dialogs) == 1 and PHI not in no_dialogs[0]
    assert "log file" in no_dialogs[0]


def test_a_chart_named_with_db_gets_no_demo_client(
    qtbot: Any, tmp_path: Path, start_app: Any, no_dialogs: list[str]
) -> None:
    chart = tmp_path / "named.sqlite3"
    window, exits, worker = start_app(chart)
    qtbot.waitUntil(
        lambda: "Chart database open" in window.statusBar().currentMessage(), timeout=15_000
    )
    assert exits.codes == []
    from tests.ui.conftest import call_on_worker

    assert call_on_worker(qtbot, worker, lambda s: s.recent_clients()) == []


def test_excepthook_logs_the_traceback_and_shows_one_plain_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    logs.setup_logging(crash_file=False)
    logs.install_excepthook(shown.append)
    try:
        raise ValueError("something odd in the map")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1 and "log file" in shown[0] and "odd" not in shown[0]
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    assert "ValueError: something odd in the map" in logs.log_file().read_text()


def test_sigterm_closes_the_window_and_the_store_backs_up_on_close(
    qtbot: Any, tmp_path: Path, start_app: Any, no_dialogs: list[str], monkeypatch: Any
) -> None:
    chart = tmp_path / "charts.sqlite3"
    window, _exits, worker = start_app(chart)
    qtbot.waitUntil(
        lambda: "Chart database open" in window.statusBar().currentMessage(), timeout=15_000
    )
    from tests.ui.conftest import call_on_worker

    call_on_worker(qtbot, worker, lambda s: s.create_client(name="Ana Ruiz"))
    # the daily backup, taken once the first visit is shown (issue 18)
    qtbot.waitUntil(lambda: window.after_first_visit.done, timeout=15_000)
    daily = len(list_backups(chart))
    quits: list[bool] = []
    monkeypatch.setattr(app_module.QApplication, "quit", staticmethod(lambda: quits.append(True)))
    handler = TerminationHandler(window, interval_ms=20)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    finally:
        handler.uninstall()
    assert handler.requested and quits == [True]
    assert signal.getsignal(signal.SIGTERM) is not handler._on_signal
    worker.shutdown()  # what run_app does once the event loop returns
    assert len(list_backups(chart)) == daily + 1


def test_help_open_log_folder_opens_the_log_folder(
    qtbot: Any, tmp_path: Path, start_app: Any, monkeypatch: Any
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda u: opened.append(u)))
    window, _exits, _worker = start_app(tmp_path / "charts.sqlite3")
    window.actions_by_key["open-log-folder"].trigger()
    assert [Path(u.toLocalFile()) for u in opened] == [logs.log_file().parent]


def test_the_second_backup_folder_and_its_last_success_are_shown(
    qtbot: Any, tmp_path: Path, start_app: Any, monkeypatch: Any
) -> None:
    from nmt_bodymap.settings import Settings, save_settings

    monkeypatch.setenv("NMT_BODYMAP_CONFIG_DIR", str(tmp_path / "config"))
    second = tmp_path / "other-disk"
    second.mkdir()
    save_settings(Settings(backup_folder=str(second)))
    chart = tmp_path / "charts.sqlite3"
    with ChartStore.open(chart, backup_on_close=False) as store:
        store.create_client(name="Ana Ruiz")
    window, _exits, _worker = start_app(chart)
    # the daily backup, and its second copy, once the first visit is shown (issue 18)
    qtbot.waitUntil(lambda: "after_first_visit" in window.__dict__, timeout=15_000)
    qtbot.waitUntil(lambda: window.after_first_visit.done, timeout=15_000)
    message = window.statusBar().currentMessage()
    assert message.startswith("Daily backup made.")
    assert f"Second backup copy in {second}: ok (last success" in message
    assert [p.suffix for p in second.iterdir()] == [".sqlite3"]


def test_the_first_start_of_the_default_chart_adds_the_demo_client_once(
    qtbot: Any, tmp_path: Path, start_app: Any, monkeypatch: Any
) -> None:
    from nmt_bodymap import paths
    from tests.ui.conftest import call_on_worker

    monkeypatch.setenv("NMT_BODYMAP_DATA_DIR", str(tmp_path / "data"))
    window, _exits, worker = start_app(paths.default_database_path())
    qtbot.waitUntil(
        lambda: "Chart database open" in window.statusBar().currentMessage(), timeout=15_000
    )
    demo = call_on_worker(qtbot, worker, lambda s: s.demo_client())
    assert demo is not None and demo.is_demo


def test_a_malformed_server_address_gets_one_line_after_the_window_paints(
    qtbot: Any, start_app: Any, no_dialogs: list[str]
) -> None:
    """A server's address is read by SQLAlchemy when the store opens, after the first paint
    (issue 18: the window does not wait for SQLAlchemy's import): a malformed one is then
    refused in one plain line, without the address's user, and the app ends with status 1."""
    _window, exits, _ = start_app("postgresql+psycopg://ana@clinic-db:notaport/charts")
    qtbot.waitUntil(lambda: bool(exits.codes), timeout=15_000)
    assert exits.codes == [1]
    assert len(no_dialogs) == 1
    assert "not a file path nor a database URL" in no_dialogs[0]
    assert "\n" not in no_dialogs[0] and "ana" not in no_dialogs[0]
