"""The rooms built after the first click (issue 18): a deferred start answers a click made
while it loads before it builds the findings, guide, summary, assessment and SOAP tabs, the
red-flag banner and the document actions; each of those then shows the client and visit
already on screen; and no key, menu or action reaches a room that is not built yet."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.store import ChartStore
from nmt_bodymap.store.accounts import AccountBook
from nmt_bodymap.ui import after_start, first_frame, late_rooms
from nmt_bodymap.ui import app as app_module
from nmt_bodymap.ui.access.lock import install_security
from nmt_bodymap.ui.actions import menu_titled
from nmt_bodymap.ui.chart.worker import StoreWorker
from nmt_bodymap.ui.late_rooms import existing
from tests.ui.conftest import ExitRecorder, call_on_worker

LATE_PARTS = (
    "findings_panel",
    "guide",
    "summary",
    "red_flag_banner",
    "assessment_panel",
    "documents",
    "region_picker",
)


@pytest.fixture
def worker() -> Any:
    made = StoreWorker()
    yield made
    made.shutdown()


def _chart(tmp_path: Path, signed: bool) -> tuple[Path, int]:
    """Ana Ruiz with a red flag on her intake and one visit: subjective text, a posture
    observation, signed (or not)."""
    path = tmp_path / "charts.sqlite3"
    with ChartStore.open(path, backup_on_close=False) as store:
        client = store.create_client(name="Ana Ruiz", date_of_birth="1984-05-02")
        store.save_intake(client.id, red_flags={"fever_chills": True})
        visit = store.create_visit(client.id, chief_complaint="Headache")
        store.update_visit(visit.id, subjective="Neck pain since Monday")
        store.add_observation(visit.id, kind="posture", item="forward_head", severity="moderate")
        if signed:
            store.sign_visit(visit.id, "Sam Lee")
    return path, visit.id


def _start(qtbot: Any, worker: StoreWorker, chart: Path) -> Any:
    window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def _visit_shown(window: Any) -> bool:
    d = window.__dict__
    return bool(d.get("built") and d.get("chart_started") and window.open_visit.doc is not None)


@pytest.fixture
def rooms_held(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first visit never counts as shown: the rooms stay pending until asked for."""
    monkeypatch.setattr(after_start, "first_visit_shown", lambda _window: False)
    monkeypatch.setattr(late_rooms, "LATEST_MS", 600_000)


def test_a_click_while_loading_is_answered_once_before_the_rooms_are_built(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real = first_frame.load_atlas_and_knowledge
    monkeypatch.setattr(first_frame, "load_atlas_and_knowledge", lambda: (gate.wait(60), real())[1])
    chart, visit_id = _chart(tmp_path, signed=False)
    window = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: window.panel_loader._thread is not None, timeout=20_000)
    frame = window.first_frame
    x, y = load_atlas().region("anterior", "temple", "right").point
    QTest.mouseClick(
        frame, Qt.MouseButton.LeftButton, pos=frame.to_widget("anterior", x, y).toPoint()
    )

    events: list[str] = []
    original = app_module.ChartOpener._start

    def started(opener: Any, store: Any) -> None:
        opener.window.marks.mark_added.connect(lambda _key: events.append("mark"))
        opener.window.late_rooms.installed.connect(events.append)
        original(opener, store)

    monkeypatch.setattr(app_module.ChartOpener, "_start", started)
    gate.set()
    qtbot.waitUntil(lambda: "late_rooms" in window.__dict__, timeout=60_000)
    qtbot.waitUntil(lambda: not window.late_rooms.pending(), timeout=60_000)
    assert all(existing(window, name) is not None for name in LATE_PARTS)
    qtbot.waitUntil(lambda: worker.pending() == 0 and not window.open_visit.busy())
    assert events[0] == "mark" and events.count("mark") == 1  # answered first, once
    assert events[1:] == [room.name for room in late_rooms_list()]
    marks = window.marks.marks()
    assert [(m.region, m.side) for m in marks] == [("temple", "right")]
    assert window.candidates.candidates()
    stored = call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id))
    assert [(m.region, m.side) for m in stored] == [("temple", "right")]
    tabs = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
    assert tabs == ["&Candidates", "F&indings", "&Guide", "Su&mmary", "&Assessment", "SOAP"]
    window.close()


def late_rooms_list() -> list[Any]:
    from nmt_bodymap.ui.window_panels import ROOMS

    return ROOMS


def test_rooms_built_late_show_the_client_and_the_signed_visit_on_screen(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, rooms_held: None
) -> None:
    chart, visit_id = _chart(tmp_path, signed=True)
    window = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: _visit_shown(window), timeout=60_000)
    qtbot.waitUntil(lambda: worker.pending() == 0)
    assert len(window.late_rooms.pending()) == len(late_rooms_list())
    # Signed state is there before any room: the map takes no mark on a signed visit.
    assert window.signing.label.isVisible() and not window.body_map.isEnabled()

    window.late_rooms.finish()  # every room, after the client and the visit were chosen
    assert not window.late_rooms.pending()
    qtbot.waitUntil(lambda: worker.pending() == 0)
    assert window.red_flag_banner.referral_needed  # the first client's red flag is loaded
    assert window.red_flag_banner.detail.text().startswith("Screening answered yes: ")
    assert not window.findings_panel.isEnabled()  # read-only: the visit is signed
    assert not window.assessment_panel.isEnabled()
    assert not window.actions_by_key["sign-visit"].isEnabled()
    assert window.actions_by_key["amend-visit"].isEnabled()
    model = window.assessment_panel.model
    assert model.visit_id == visit_id and model.find("posture", "forward_head") is not None
    soap = window.documents.soap_tab
    qtbot.waitUntil(lambda: soap.edits["subjective"].toPlainText() == "Neck pain since Monday")
    assert soap.visit_id == visit_id and soap.signed and soap.edits["subjective"].isReadOnly()
    assert window.summary.visit is not None and window.summary.visit.id == visit_id
    assert window.visits.list.currentItem().icon().isNull() is False  # thumbnails drawn
    window.close()


def test_a_key_builds_every_pending_room_before_qt_looks_it_up(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, rooms_held: None
) -> None:
    chart, _visit_id = _chart(tmp_path, signed=False)
    window = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: _visit_shown(window), timeout=60_000)
    assert existing(window, "region_picker") is None
    # "/" is the region picker's shortcut: the picker is built before Qt looks the key up.
    view = window.body_map.views["anterior"]
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Slash)
    assert not window.late_rooms.pending()
    picker = existing(window, "region_picker")
    assert picker is not None and picker.isVisible()  # the key reached it, once
    window.close()


def test_a_click_on_the_menu_bar_builds_every_pending_room_first(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, rooms_held: None
) -> None:
    chart, _visit_id = _chart(tmp_path, signed=False)
    second = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: _visit_shown(second), timeout=60_000)
    assert second.late_rooms.pending()
    bar = second.menuBar()
    file_menu = menu_titled(second, "File", create=False)
    assert file_menu is not None
    QTest.mousePress(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(file_menu.menuAction()).center()
    )
    assert not second.late_rooms.pending()  # the menu opens complete
    names = [a.objectName() for a in file_menu.actions()]
    assert "action-print-report" in names and "action-import-client" in names
    QTest.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))
    file_menu.hide()
    second.close()


def test_asking_for_a_pending_part_or_action_builds_it_and_only_what_comes_before(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, rooms_held: None
) -> None:
    chart, visit_id = _chart(tmp_path, signed=False)
    window = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: _visit_shown(window), timeout=60_000)
    assert "red_flag_banner" not in window.__dict__
    summary = window.summary  # built on demand, with the visit on screen
    assert summary.visit is not None and summary.visit.id == visit_id
    assert window.late_rooms.pending() == ["clinic", "assessment", "documents", "region-picker"]
    assert "intake" not in window.actions_by_key  # asking what is there builds nothing
    assert window.actions_by_key.get("intake") is None
    assert window.actions_by_key["intake"].objectName() == "action-intake"
    assert not window.late_rooms.pending()
    with pytest.raises(KeyError):
        window.actions_by_key["no-such-action"]
    with pytest.raises(AttributeError):
        _ = window.no_such_part
    window.close()


def _file_menu_names(window: QMainWindow) -> list[str]:
    menu = menu_titled(window, "File", create=False)
    assert menu is not None
    return [a.objectName() if not a.isSeparator() else "-" for a in menu.actions()]


def test_sign_in_before_the_rooms_gives_the_same_menus_as_an_eager_build(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, rooms_held: None
) -> None:
    chart, _visit_id = _chart(tmp_path, signed=False)
    window = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: _visit_shown(window), timeout=60_000)
    account = call_on_worker(
        qtbot, worker, lambda s: AccountBook.for_store(s).create_first_account("Ana", "4321")
    )
    install_security(window, worker, account, idle_minutes=5)  # signed in: rooms pending
    window.late_rooms.finish()
    late = _file_menu_names(window)
    window.close()

    from nmt_bodymap.ui.main_window import MainWindow

    eager = MainWindow(worker)  # every room at once, then the sign-in
    qtbot.addWidget(eager)
    install_security(eager, worker, account, idle_minutes=5)
    assert late == _file_menu_names(eager)
    assert late.index("action-print-report") < late.index("action-lock") < late.index("action-quit")
    eager.close()


def test_a_sign_in_before_the_panels_puts_the_lock_in_the_file_menu_once_built(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real = first_frame.load_atlas_and_knowledge
    monkeypatch.setattr(first_frame, "load_atlas_and_knowledge", lambda: (gate.wait(60), real())[1])
    chart, _visit_id = _chart(tmp_path, signed=False)
    window = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: bool(window.__dict__.get("_after_build")), timeout=30_000)
    account = call_on_worker(
        qtbot, worker, lambda s: AccountBook.for_store(s).create_first_account("Ana", "4321")
    )
    install_security(window, worker, account, idle_minutes=5)
    assert not window.__dict__.get("built")
    gate.set()
    qtbot.waitUntil(lambda: bool(window.__dict__.get("built")), timeout=60_000)
    names = _file_menu_names(window)
    assert names[-3:] == ["action-lock", "action-accounts", "action-quit"]
    assert window.findChild(type(window.actions_by_key["quit"]), "action-lock") is not None
    window.close()


def test_a_treatment_form_asked_before_the_banner_read_the_intake_still_warns(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nmt_bodymap.ui.clinic import findings_actions
    from nmt_bodymap.ui.main_window import MainWindow

    warnings: list[str] = []

    class Form:
        def __init__(self, *args: Any) -> None:
            warnings.append(args[-1])

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(findings_actions, "TreatmentDialog", Form, raising=False)
    chart, _visit_id = _chart(tmp_path, signed=False)
    window = app_module.show_main_window(ExitRecorder(), worker, str(chart))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: _visit_shown(window), timeout=60_000)
    qtbot.waitUntil(lambda: not window.late_rooms.pending() and worker.pending() == 0)
    assert isinstance(window, MainWindow) and window.red_flag_banner.referral_needed
    client = window.clients.current_client()
    window.red_flag_banner.load(None)  # another client without red flags…
    window.red_flag_banner.load(client.id)  # …then back: the read is on its way
    assert window.red_flag_banner.loading
    window.ask_treatment("upper_trapezius", "right", None)
    assert warnings and warnings[-1].startswith("Screening answered yes: ")
    window.close()


def test_keys_typed_in_a_modal_dialog_leave_the_rooms_pending(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, rooms_held: None
) -> None:
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    chart, _visit_id = _chart(tmp_path, signed=False)
    window = _start(qtbot, worker, chart)
    qtbot.waitUntil(lambda: _visit_shown(window), timeout=60_000)
    dialog = QDialog(window)  # the sign-in, say: its keys cannot reach a room
    dialog.setModal(True)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.show()
    qtbot.waitExposed(dialog)
    field.setFocus()
    QTest.keyClicks(field, "4321")
    assert field.text() == "4321"
    assert len(window.late_rooms.pending()) == len(late_rooms_list())
    dialog.close()
    QTest.keyClick(window.body_map.views["anterior"], Qt.Key.Key_3)  # now a key builds them
    assert not window.late_rooms.pending()
    window.close()


def test_a_click_while_loading_is_not_charted_on_a_signed_visit(
    qtbot: Any, tmp_path: Path, worker: StoreWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rooms' review: a click on the first frame reached the map even when the visit it
    opened was signed (the map disabled, read-only). It must be dropped, with one line."""
    gate = threading.Event()
    real = first_frame.load_atlas_and_knowledge
    monkeypatch.setattr(first_frame, "load_atlas_and_knowledge", lambda: (gate.wait(60), real())[1])
    errors: list[str] = []  # a refusal would come as a modal error box: recorded instead
    chart, visit_id = _chart(tmp_path, signed=True)
    window = _start(qtbot, worker, chart)
    monkeypatch.setattr(window, "show_error", lambda *a: errors.append(str(a)))
    qtbot.waitUntil(lambda: window.panel_loader._thread is not None, timeout=20_000)
    frame = window.first_frame
    x, y = load_atlas().region("anterior", "temple", "right").point
    QTest.mouseClick(
        frame, Qt.MouseButton.LeftButton, pos=frame.to_widget("anterior", x, y).toPoint()
    )
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    gate.set()
    qtbot.waitUntil(lambda: _visit_shown(window), timeout=60_000)
    qtbot.waitUntil(lambda: not window.__dict__["queued_clicks"].clicks, timeout=20_000)
    qtbot.waitUntil(lambda: worker.pending() == 0 and not window.open_visit.busy())
    assert not window.body_map.isEnabled()  # read-only: signed
    assert window.marks.marks() == []
    assert call_on_worker(qtbot, worker, lambda s: s.list_pain_marks(visit_id)) == []
    assert errors == []  # nothing charted, so nothing refused
    assert any("signed" in m for m in messages), messages
    window.close()
