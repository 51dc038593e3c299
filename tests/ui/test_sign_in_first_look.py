"""The sign-in screen asks the first look (issue 18): whether the chart has accounts and
which names to offer are read with ``sqlite3``, so the screen shows without waiting for
SQLAlchemy; the real store opens on the worker behind it and the therapist signs in on it.

Before, the screen waited ~0.6 s after launch (the real store's import); the answers are
the accounts module's own (equality below) and signing in names the therapist as before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap.store.accounts import AccountBook
from nmt_bodymap.store.first_look import FirstLook
from nmt_bodymap.store.service import ChartStore
from nmt_bodymap.ui.access import sign_in_dialog
from nmt_bodymap.ui.chart import store_calls
from nmt_bodymap.ui.chart.worker import StoreWorker
from tests.ui.conftest import call_on_worker

PIN = "4321"


def _chart(path: Path, names: list[str], disabled: tuple[str, ...] = ()) -> Path:
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz")
        store.create_visit(client.id, chief_complaint="Headache")
        if names:
            book = AccountBook.for_store(store)
            owner = book.create_first_account(names[0], "correct horse battery")
            for name in names[1:]:
                book.add_account(owner, name, "another long passphrase")
            for name in disabled:
                book.set_disabled(owner, name)
    return path


@pytest.mark.parametrize(
    ("names", "disabled"),
    [([], ()), (["Ana"], ()), (["Zoë", "ana", "Bo", "Łukasz", "Ana"], ("Bo",))],
)
def test_the_first_look_answers_the_sign_in_screen_as_the_accounts_do(
    tmp_path: Path, names: list[str], disabled: tuple[str, ...]
) -> None:
    path = _chart(tmp_path / "charts.sqlite3", names, disabled)
    look = FirstLook.open(path)
    assert look is not None
    try:
        answers = (look.has_accounts(), look.sign_in_names())
        assert not look.opened_fully  # answered without the real store
        with ChartStore.open(path, backup_on_close=False, exclusive=False) as store:
            book = AccountBook.for_store(store)
            assert answers == (book.has_accounts(), book.sign_in_names())
        assert answers[0] == bool(names)
    finally:
        look.close()


@pytest.fixture
def first_look_worker(tmp_path: Path) -> Iterator[tuple[StoreWorker, Path]]:
    path = _chart(tmp_path / "charts.sqlite3", ["Ana", "Bo"])
    worker = StoreWorker()
    opened: dict[str, Any] = {}
    worker.open(lambda: store_calls.open_store(str(path)), opened.setdefault("store", None))
    yield worker, path
    worker.shutdown()


def test_the_screen_shows_before_the_real_store_opens_and_signing_in_uses_it(
    qtbot: Any, first_look_worker: tuple[StoreWorker, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    worker, path = first_look_worker
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=10_000)
    assert isinstance(call_on_worker(qtbot, worker, lambda s: s), FirstLook)
    opened_behind: list[bool] = []
    monkeypatch.setattr(store_calls, "open_fully", lambda s: opened_behind.append(True))
    shown: list[tuple[list[str], bool]] = []

    def ask(dialog: Any) -> bool:
        names = [dialog.name.itemText(i) for i in range(dialog.name.count())]
        shown.append((names, call_on_worker(qtbot, worker, lambda s: s.opened_fully)))
        dialog.name.setCurrentIndex(dialog.name.findText("Bo"))
        dialog.secret.setText("another long passphrase")
        return len(shown) == 1  # a refusal asks again: cancel then

    monkeypatch.setattr(sign_in_dialog, "ask", ask)
    account = sign_in_dialog.sign_in_after_open(None, worker)
    assert shown == [(["Ana", "Bo"], False)]  # the screen came before the real store
    assert opened_behind == [True]  # asked to open behind the screen
    assert account is not None and account.name == "Bo"
    assert call_on_worker(qtbot, worker, lambda s: (s.opened_fully, s.who)) == (True, "Bo")
    visit = call_on_worker(qtbot, worker, lambda s: s.list_visits(s.recent_clients(1)[0].id)[0])
    mark = call_on_worker(
        qtbot,
        worker,
        lambda s: s.add_pain_mark(
            visit.id,
            view="anterior",
            x=421.7,
            y=157.5,
            region="temple",
            side="right",
            intensity=5,
            quality="ache",
        ),
    )
    with ChartStore.open(path, backup_on_close=False, exclusive=False) as store:
        assert [m.id for m in store.list_pain_marks(visit.id)] == [mark.id]
        rows = store.history(visit.client_id)
        assert rows and rows[-1].who == "Bo"
