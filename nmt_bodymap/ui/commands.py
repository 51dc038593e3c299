"""Edits of the chart as undoable commands.

Each command calls :class:`~nmt_bodymap.ui.visit_marks.VisitMarks`, which
updates the screen at once and stores the change through the worker; undo and
redo take the same path, so the database always follows the undo stack.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from nmt_bodymap.core.sides import Side
from nmt_bodymap.ui.labels import place_label
from nmt_bodymap.ui.marks import MarkState
from nmt_bodymap.ui.visit_marks import VisitMarks


class AddPainMark(QUndoCommand):
    """Put a pain mark on the map (undo takes it off again)."""

    def __init__(
        self,
        marks: VisitMarks,
        view: str,
        x: float | None,
        y: float | None,
        region: str,
        side: Side,
        intensity: int,
        quality: str,
    ) -> None:
        super().__init__(f"Mark {place_label(region, side)}")
        self._marks = marks
        self._spec = (view, x, y, region, side, intensity, quality)
        self.key: str | None = None

    def redo(self) -> None:
        if self.key is None:
            self.key = self._marks.add(*self._spec)
        else:
            self._marks.restore(self.key)

    def undo(self) -> None:
        if self.key is not None:
            self._marks.remove(self.key)


class RemovePainMarks(QUndoCommand):
    """Take one or more marks off the map (a soft delete: undo restores them)."""

    def __init__(self, marks: VisitMarks, keys: list[str]) -> None:
        super().__init__("Remove mark" if len(keys) == 1 else f"Remove {len(keys)} marks")
        self._marks = marks
        self._keys = list(keys)

    def redo(self) -> None:
        for key in self._keys:
            self._marks.remove(key)

    def undo(self) -> None:
        for key in reversed(self._keys):
            self._marks.restore(key)


class MovePainMark(QUndoCommand):
    """Drag a mark to another point (its region and side follow the new point)."""

    def __init__(self, marks: VisitMarks, before: MarkState, after: MarkState) -> None:
        super().__init__(f"Move mark to {place_label(after.region, after.side)}")
        self._marks = marks
        self._before = before
        self._after = after

    def _apply(self, state: MarkState) -> None:
        self._marks.change(state.key, x=state.x, y=state.y, region=state.region, side=state.side)

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)


class ChangeMarkDetails(QUndoCommand):
    """Change the intensity and/or quality of marks."""

    def __init__(
        self, marks: VisitMarks, before: list[MarkState], intensity: int | None, quality: str | None
    ) -> None:
        what = f"intensity {intensity}" if intensity is not None else f"quality {quality}"
        super().__init__(f"Set {what}")
        self._marks = marks
        self._before = before
        self._intensity = intensity
        self._quality = quality

    def redo(self) -> None:
        for mark in self._before:
            self._marks.change(
                mark.key,
                intensity=self._intensity if self._intensity is not None else mark.intensity,
                quality=self._quality if self._quality is not None else mark.quality,
            )

    def undo(self) -> None:
        for mark in self._before:
            self._marks.change(mark.key, intensity=mark.intensity, quality=mark.quality)
