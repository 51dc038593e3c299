"""Issue 18 (click p95/p99): a click on the map and its candidate's highlight on both
views are painted in one window paint.

Qt paints the window at once each time a scene hands its changed items to its view (the
scene sends the window's posted ``UpdateRequest``), so a click that changed both views
painted the window two or three times, each time with what else had changed by then. The
body-map panel now lands the scenes' changes at the end of the gesture with those
immediate paints held back (``body_view.land_scene_changes``): the event loop paints once.
Counted with an event filter on the window (``UpdateRequest``: one per window paint).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import getCppPointer

from tests.ui.conftest import click_region
from tests.ui.test_click_repaints import settle

UPDATE_REQUEST = QEvent.Type.UpdateRequest
PAINT = QEvent.Type.Paint


class Counted(QObject):
    """The window's paint requests and the widgets that got a paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.window_paints = 0
        self.painted: set[int] = set()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == UPDATE_REQUEST and isinstance(obj, QWidget) and obj.isWindow():
            self.window_paints += 1
        elif event.type() == PAINT:
            self.painted.add(int(getCppPointer(obj)[0]))
        return False

    def got_paint(self, widget: QWidget) -> bool:
        return int(getCppPointer(widget)[0]) in self.painted


def test_a_click_and_its_highlight_on_both_views_paint_the_window_once(
    qtbot: Any, window: Any
) -> None:
    window.side_tabs.setCurrentWidget(window.candidates)
    window.visits._thumb_timer.setInterval(60_000)  # the thumbnail, later: not this click's
    window.candidates.heights._timer.setInterval(60_000)
    click_region(qtbot, window, "anterior", "temple", "right")
    click_region(qtbot, window, "posterior", "lower_buttock", "right")
    settle(qtbot, window)
    counted = Counted()
    app = QCoreApplication.instance()
    assert app is not None
    app.installEventFilter(counted)
    try:
        # one gesture: the press (a mark, the list), the best candidate chosen (both views lit)
        click_region(qtbot, window, "anterior", "pectoral", "right")
        listed = window.candidates.candidates()
        assert listed
        window.candidates.choose(listed[0].muscle, listed[0].side)
        assert counted.window_paints == 0  # nothing painted inside the gesture
        QCoreApplication.sendPostedEvents()  # the event loop's turn after the gesture
    finally:
        app.removeEventFilter(counted)
    # what the therapist sees: the mark, the list and the highlight on both views painted
    assert [m.region for m in window.marks.marks()][-1] == "pectoral"
    assert window.body_map.highlight is not None
    for view in ("anterior", "posterior"):
        assert counted.got_paint(window.body_map.views[view].viewport()), view
    assert counted.got_paint(window.candidates.tree.viewport())
    assert counted.window_paints == 1  # all of it in one window paint
