"""An encrypted chart whose key a single-user laptop keeps in the OS keychain (``keyring``,
``store/encryption.keep_in_keychain``): the app starts with no secret in the environment
and no passphrase asked before the window, the chart opens with the keychain's key, and a
mark made on it is saved. A keychain without the key: the therapist is asked, once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring.core
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QPointF

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store import encryption
from nmt_bodymap.store.service import ChartStore
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.access import sign_in_dialog
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import ExitRecorder, call_on_worker

SECRET = "correct horse battery"


class MemoryKeyring(KeyringBackend):
    """A keychain of this test's own (never the machine's), chosen with set_keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}
        self.asked = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.asked += 1
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    made = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", made)
    monkeypatch.delenv(encryption.SECRET_ENV, raising=False)
    yield made


@pytest.fixture
def chart(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """An encrypted chart with one client and open visit; no key remembered."""
    path = tmp_path / "charts.sqlite3"
    encryption.set_up_key(path, {"account:Ana": SECRET})
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz")
        visit = store.create_visit(client.id, chief_complaint="Headache")
    encryption.forget_all()
    yield path, visit.id
    encryption.forget_all()


@pytest.fixture
def worker() -> Iterator[StoreWorker]:
    made = StoreWorker()
    yield made
    made.shutdown()


def _opened(window: Any) -> bool:
    return bool(window.__dict__.get("chart_started") and window.open_visit.doc is not None)


def _asked(monkeypatch: pytest.MonkeyPatch, secret: str | None) -> list[str]:
    asked: list[str] = []

    def ask(dialog: Any) -> bool:
        asked.append(type(dialog).__name__)
        if secret is None:
            return False
        dialog.name.setEditText("Ana")
        dialog.secret.setText(secret)
        return True

    monkeypatch.setattr(sign_in_dialog, "ask", ask)
    return asked


def test_a_key_in_the_keychain_opens_the_chart_and_a_mark_is_saved(
    qtbot: Any,
    chart: tuple[Path, int],
    ring: MemoryKeyring,
    worker: StoreWorker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, visit_id = chart
    with pytest.raises(encryption.ChartLocked):  # nothing opens it yet
        encryption.resolve_key(path)
    found = encryption.find_key_file(path)
    assert found is not None
    the_key = encryption.unwrap(encryption.read_key_file(found), SECRET)
    assert the_key is not None
    assert encryption.keep_in_keychain(path, the_key)  # through keyring, into ``ring``
    assert len(ring.saved) == 1
    ring.asked = 0
    asked = _asked(monkeypatch, None)

    assert app_module.before_open(str(path))  # no passphrase asked
    assert ring.asked == 0  # the keychain is read when the chart opens, behind the window
    exits = ExitRecorder()
    window = app_module.show_main_window(exits, worker, str(path))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: _opened(window), timeout=60_000)
    assert asked == [] and exits.codes == []
    client = window.clients.current_client()
    assert client is not None and client.name == "Ana Ruiz"

    x, y = load_atlas().region("anterior", "temple", "right").point
    window.body_map._on_point_clicked("anterior", QPointF(x, y))
    qtbot.waitUntil(lambda: worker.pending() == 0 and not window.open_visit.busy())
    stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))
    assert [(m.region, m.side) for m in stored] == [("temple", "right")]
    window.close()


@pytest.mark.parametrize("answer", [SECRET, None])
def test_a_keychain_without_the_key_asks_once_the_window_is_up(
    qtbot: Any,
    chart: tuple[Path, int],
    ring: MemoryKeyring,
    worker: StoreWorker,
    monkeypatch: pytest.MonkeyPatch,
    answer: str | None,
) -> None:
    """The keychain is looked up behind the painted window (issue 18: ``keyring`` is not
    imported before the first paint); when it has no key the passphrase is asked then,
    once (the sign-in after the open uses it); cancelling ends the app with status 1."""
    path, _ = chart
    asked = _asked(monkeypatch, answer)
    exits = ExitRecorder()
    assert app_module.before_open(str(path))
    assert asked == [] and ring.asked == 0  # nothing asked, the keychain not yet either
    window = app_module.show_main_window(exits, worker, str(path))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    if answer is None:
        qtbot.waitUntil(lambda: exits.codes == [1], timeout=60_000)
        assert not _opened(window)
    else:
        qtbot.waitUntil(lambda: _opened(window), timeout=60_000)
        assert exits.codes == []
    assert asked == ["SignInDialog"]
    assert ring.asked >= 1
    window.close()
