"""An encrypted chart whose secret is in the environment (a station set up so): the key is
unwrapped on a thread while the window paints (issue 18: argon2id, ~0.15 s, no longer
before the window), and the chart opens as soon as it is there. A secret that does not fit
is found when the chart opens: the therapist is asked then, as before the window before;
the right passphrase opens the chart, cancelling ends the app with status 1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlcipher3")

from nmt_bodymap.store import encryption, keychain
from nmt_bodymap.store.service import ChartStore
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.access import sign_in_dialog
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder

SECRET = "correct horse battery"


@pytest.fixture
def chart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An encrypted chart (Ana's slot) with one client and visit; no key remembered."""
    monkeypatch.setattr(keychain, "_keyring", lambda: None)
    path = tmp_path / "charts.sqlite3"
    encryption.set_up_key(path, {"account:Ana": SECRET})
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz")
        store.create_visit(client.id, chief_complaint="Headache")
    encryption.forget_all()
    yield path
    encryption.forget_all()


@pytest.fixture
def worker() -> Iterator[StoreWorker]:
    made = StoreWorker()
    yield made
    made.shutdown()


def _check(path: Path) -> str:
    found = encryption.find_key_file(path)
    assert found is not None
    return encryption.read_key_file(found).check


def _start(qtbot: Any, worker: StoreWorker, path: Path, exits: ExitRecorder) -> Any:
    window = app_module.show_main_window(exits, worker, str(path))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def _opened(window: Any) -> bool:
    return bool(window.__dict__.get("chart_started") and window.open_visit.doc is not None)


def test_the_window_comes_before_the_key_and_the_chart_opens_with_it(
    qtbot: Any, chart: Path, worker: StoreWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(encryption.SECRET_ENV, SECRET)
    assert sign_in_dialog.before_open(str(chart))
    assert _check(chart) not in encryption._remembered  # still being unwrapped
    exits = ExitRecorder()
    window = _start(qtbot, worker, chart, exits)
    qtbot.waitUntil(lambda: _opened(window), timeout=30_000)
    client = window.clients.current_client()
    assert client is not None and client.name == "Ana Ruiz"
    assert exits.codes == []


@pytest.mark.parametrize("answer", ["right", "cancel"])
def test_a_secret_that_does_not_fit_asks_once_the_window_is_up(
    qtbot: Any,
    chart: Path,
    worker: StoreWorker,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    monkeypatch.setenv(encryption.SECRET_ENV, "not the passphrase")
    asked: list[str] = []

    def ask(dialog: Any) -> bool:
        asked.append(type(dialog).__name__)
        if answer == "cancel":
            return False
        dialog.name.setEditText("Ana")
        dialog.secret.setText(SECRET)
        return True

    monkeypatch.setattr(sign_in_dialog, "ask", ask)
    assert sign_in_dialog.before_open(str(chart))  # nothing asked yet: the window first
    assert asked == []
    exits = ExitRecorder()
    window = _start(qtbot, worker, chart, exits)
    if answer == "cancel":
        qtbot.waitUntil(lambda: exits.codes == [1], timeout=30_000)
        assert not _opened(window)
    else:
        qtbot.waitUntil(lambda: _opened(window), timeout=30_000)
        assert exits.codes == []
    assert asked == ["SignInDialog"]
