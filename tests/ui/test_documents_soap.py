"""The SOAP tab: typed text is stored at once; suggestions fill only empty sections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from nmt_bodymap.store import ChartStore

from .conftest import call_on_worker, click_region


def _stored(qtbot: Any, window: Any, visit_id: int) -> Any:
    return call_on_worker(qtbot, window.worker, lambda s: s.get_visit(visit_id))


def _soap(window: Any) -> Any:
    tab = window.documents.soap_tab
    window.side_tabs.setCurrentWidget(tab)
    return tab


def test_typed_text_is_stored_at_once(qtbot: Any, window: Any, seeded: dict[str, Any]) -> None:
    tab = _soap(window)
    qtbot.waitUntil(lambda: tab.status.text() == "Stored.", timeout=10_000)
    box = tab.edits["subjective"]
    box.setFocus()
    qtbot.keyClicks(box, "Headache eased since last week")
    qtbot.waitUntil(lambda: tab.status.text() == "Stored.", timeout=10_000)
    visit = _stored(qtbot, window, seeded["visit"].id)
    assert visit.subjective == "Headache eased since last week"


def test_suggestions_fill_only_the_empty_sections(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    visit_id = seeded["visit"].id
    click_region(qtbot, window, "anterior", "temple", "right")
    call_on_worker(
        qtbot,
        window.worker,
        lambda s: s.add_finding(visit_id, muscle_id="upper_trapezius", side="right",
                                activity="active", tenderness=7, referral_reproduced=True),
    )  # fmt: skip
    call_on_worker(
        qtbot,
        window.worker,
        lambda s: s.add_treatment(visit_id, muscle_id="upper_trapezius", side="right",
                                  technique="Ischemic compression", hold_seconds=30),
    )  # fmt: skip
    tab = _soap(window)
    qtbot.waitUntil(lambda: tab.edits["subjective"].isEnabled(), timeout=10_000)
    tab.edits["subjective"].setPlainText("Client's own words")
    qtbot.mouseClick(tab.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Right temple" in tab.edits["objective"].toPlainText(), timeout=10_000)
    qtbot.waitUntil(lambda: tab.status.text() == "Stored.", timeout=10_000)
    visit = _stored(qtbot, window, visit_id)
    assert visit.subjective == "Client's own words", "the therapist's text is never replaced"
    assert visit.objective.startswith("Pain map: Right temple ")
    assert "Upper trapezius (right)" in visit.objective
    assert "Upper trapezius (right) reproduced the pain" in visit.assessment
    assert "Treated: Upper trapezius (right): Ischemic compression, 30 s." in visit.plan
    assert "After-care given; soreness expected to ease" in visit.plan


def test_text_being_typed_is_stored_when_the_window_closes(
    qtbot: Any, window: Any, seeded: dict[str, Any], chart_path: Path
) -> None:
    tab = _soap(window)
    qtbot.waitUntil(lambda: tab.edits["plan"].isEnabled(), timeout=10_000)
    tab.edits["plan"].setPlainText("Review in two weeks")  # the save is still pending
    assert tab._timer.isActive()
    window.close()
    # what run_app does once the last window closed: the worker runs every job queued and
    # closes the store (the close's save is queued on it, not run on the GUI thread)
    window.worker.shutdown()
    with ChartStore.open(chart_path, backup_on_close=False) as store:
        assert store.get_visit(seeded["visit"].id).plan == "Review in two weeks"


def test_a_clinic_template_fills_the_empty_sections(
    qtbot: Any, window: Any, seeded: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "soap_templates.yaml").write_text(
        "templates:\n"
        "  - name: Neck follow-up\n"
        "    subjective: 'Pain since last visit (0-10):'\n"
        "    plan: Review in one week.\n",
        encoding="utf-8",
    )
    tab = _soap(window)
    tab.load_templates(folder)
    assert [tab.template_box.itemText(i) for i in range(tab.template_box.count())] == [
        "Use template…",
        "Neck follow-up",
    ]
    qtbot.waitUntil(lambda: tab.edits["subjective"].isEnabled(), timeout=10_000)
    tab.edits["subjective"].setPlainText("Client's own words")
    tab.template_box.activated.emit(1)
    qtbot.waitUntil(lambda: tab.status.text() == "Stored.", timeout=10_000)
    visit = _stored(qtbot, window, seeded["visit"].id)
    assert visit.subjective == "Client's own words", "a template never replaces typed text"
    assert visit.plan == "Review in one week."
    (folder / "soap_templates.yaml").write_text("templates:\n  - plan: x\n", encoding="utf-8")
    tab.load_templates(folder)
    assert not tab.template_box.isEnabled()
    assert "templates.0.name" in tab.template_box.toolTip()


def test_a_soap_edit_is_undone_and_redone_like_any_other(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    visit_id = seeded["visit"].id
    tab = _soap(window)
    qtbot.waitUntil(lambda: tab.edits["plan"].isEnabled(), timeout=10_000)
    qtbot.waitUntil(lambda: window.open_visit.doc is not None, timeout=10_000)
    steps = window.undo_stack.count()
    box = tab.edits["plan"]
    box.setFocus()
    qtbot.keyClicks(box, "Review in one week")
    qtbot.waitUntil(lambda: tab.status.text() == "Stored.", timeout=10_000)
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    assert window.undo_stack.count() == steps + 1
    assert _stored(qtbot, window, visit_id).plan == "Review in one week"
    window.undo_stack.undo()
    assert box.toPlainText() == "", "the box shows the note as it was"
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    assert _stored(qtbot, window, visit_id).plan == ""
    window.undo_stack.redo()
    assert box.toPlainText() == "Review in one week"
    qtbot.waitUntil(lambda: not window.open_visit.busy(), timeout=10_000)
    assert _stored(qtbot, window, visit_id).plan == "Review in one week"
    history = call_on_worker(qtbot, window.worker, lambda s: s.history(seeded["client"].id))
    assert [e.op for e in history if e.kind == "visit"][-3:] == ["change"] * 3
