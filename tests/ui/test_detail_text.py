"""Issue 18 (branch detailcost): what the candidate detail reads over a session of clicks.

The detail keeps a muscle's text once made (per language) and sets the per-click summary
only when its text changed; whatever it skips, it must read, after every click, choice,
undo and redo, exactly the text made for the current muscle and the marks' places, and
in a German window read German (a kept English text must not come back).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from nmt_bodymap.settings import Settings, load_settings, save_settings
from nmt_bodymap.ui.candidates.candidate_detail import PLACEHOLDER
from nmt_bodymap.ui.candidates.candidate_text import muscle_html, summary_html
from nmt_bodymap.ui.i18n import install_language, tr
from nmt_bodymap.ui.map.labels import set_knowledge_language
from tests.ui.conftest import click_region, open_window
from tests.ui.test_candidates_panel import PLACES


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    save_settings(Settings(language="de"))
    assert install_language(qapp, load_settings().language)
    set_knowledge_language(None)
    yield
    install_language(qapp, "en")
    set_knowledge_language(None)


def _plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_the_detail_reads_the_current_muscle_in_a_german_window(
    qtbot: Any, seeded: dict[str, Any], german: None, no_dialogs: list[str]
) -> None:
    """Clicks, another candidate chosen, no candidate, undo and redo: the summary and the
    detail read what is made for the current muscle and the marks' places, in German."""
    window = open_window(qtbot, seeded["worker"], seeded["visit"].id)
    panel = window.candidates
    window.side_tabs.setCurrentWidget(panel)
    knowledge = panel.knowledge
    seen: set[str] = set()

    def check(step: str) -> None:
        qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=10_000)
        panel.flush_detail()
        current = panel.current_candidate()
        if current is None:
            assert panel.detail.toPlainText() == _plain(tr(PLACEHOLDER)), step
            assert panel.detail_text() == panel.detail.toPlainText(), step
            seen.add("placeholder")
            return
        summary = _plain(summary_html(knowledge, current, panel._spot_labels))
        detail = _plain(muscle_html(knowledge, current.muscle))
        assert panel.summary.toPlainText() == summary, step
        assert panel.detail.toPlainText() == detail, step
        assert panel.detail_text() == summary + "\n" + detail, step
        assert "Für den Klienten" in detail and "For the client" not in detail, step
        seen.add(current.muscle)

    for n, place in enumerate(PLACES[:4]):
        click_region(qtbot, window, *place)
        listed = panel.candidates()
        assert panel.choose(listed[0].muscle, listed[0].side)
        check(f"click {n}")
        if n % 2 == 1:  # a lower candidate chosen, as a therapist does
            assert panel.choose(listed[2].muscle, listed[2].side)
            check(f"chosen after click {n}")
    assert "Schläfe rechts" in panel.summary.toPlainText()
    panel.tree.setCurrentItem(None)  # type: ignore[arg-type]  # no muscle chosen
    check("none chosen")
    for n in range(3):
        window.undo_stack.undo()
        check(f"undo {n}")
    for n in range(2):
        window.undo_stack.redo()
        check(f"redo {n}")
    assert len(seen) >= 4 and "placeholder" in seen
