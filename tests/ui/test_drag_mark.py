"""Dragging a mark with the mouse: press, move, release stores the new place once, and
undo puts it back where it was (issue 20: the drag was untested)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from nmt_bodymap.core.atlas import load_atlas
from tests.ui.conftest import click_region
from tests.ui.test_marking import stored_marks


def _mouse(widget: QWidget, kind: QEvent.Type, pos: QPoint, held: bool) -> None:
    """A real mouse event on ``widget`` (QTest's move carries no held button)."""
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    buttons = Qt.MouseButton.LeftButton if held else Qt.MouseButton.NoButton
    local = QPointF(pos)
    event = QMouseEvent(
        kind, local, widget.mapToGlobal(local), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def test_dragging_a_mark_moves_it_once_and_undo_puts_it_back(
    qtbot: Any, window: Any, seeded: dict[str, Any]
) -> None:
    worker, visit_id = seeded["worker"], seeded["visit"].id
    start = click_region(qtbot, window, "anterior", "pectoral", "right")
    [placed] = stored_marks(qtbot, worker, visit_id)
    assert (placed.region, placed.side, placed.version) == ("pectoral", "right", 1)

    view = window.body_map.views["anterior"]
    target = load_atlas().region("anterior", "upper_abdomen", "right").point
    end = view.map_to_widget(target)
    viewport = view.viewport()
    _mouse(viewport, QEvent.Type.MouseButtonPress, start, held=True)
    steps = 8
    for i in range(1, steps + 1):
        _mouse(viewport, QEvent.Type.MouseMove, start + (end - start) * i / steps, held=True)
    _mouse(viewport, QEvent.Type.MouseButtonRelease, end, held=False)

    [moved] = stored_marks(qtbot, worker, visit_id)
    assert moved.id == placed.id  # the same mark, moved, not a second one
    assert (moved.region, moved.side) == ("upper_abdomen", "right")
    assert moved.version == 2  # one move stored for the whole drag, not one per step
    assert abs(moved.x - target[0]) < 8 and abs(moved.y - target[1]) < 8
    assert len(window.body_map.scenes["anterior"].mark_items) == 1
    assert "Right upper abdomen" in window.statusBar().currentMessage()

    window.actions_by_key["undo"].trigger()
    [back] = stored_marks(qtbot, worker, visit_id)
    assert (back.region, back.side) == ("pectoral", "right")
    assert (back.x, back.y) == (placed.x, placed.y)
    [item] = window.body_map.scenes["anterior"].mark_items.values()
    assert abs(item.pos().x() - placed.x) < 0.01 and abs(item.pos().y() - placed.y) < 0.01
