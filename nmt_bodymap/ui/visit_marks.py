"""The open visit's pain marks: the model the body map listens to.

Every edit changes the on-screen state at once and queues the matching store
call on the worker; the result updates the mark's save status. A failed save
keeps the mark on screen as ``unsaved`` and :meth:`retry_unsaved` tries again.
Undo commands (:mod:`nmt_bodymap.ui.commands`) call the methods here, so every
change has a single code path.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from nmt_bodymap.core.sides import Side
from nmt_bodymap.ui import store_calls
from nmt_bodymap.ui.marks import MarkState
from nmt_bodymap.ui.visit_model import VisitModel, error_text
from nmt_bodymap.ui.worker import StoreWorker


class VisitMarks(VisitModel):
    """Pain marks of one visit, keyed by a local key; stored through the worker.

    Finer-grained than ``changed`` (which it does not emit): a mark added, changed or
    removed, or all of them reset when a visit is opened.
    """

    mark_added = Signal(str)
    mark_changed = Signal(str)
    mark_removed = Signal(str)
    marks_reset = Signal()

    def __init__(self, worker: StoreWorker, parent: QObject | None = None) -> None:
        super().__init__(worker, parent)
        self._marks: dict[str, MarkState] = {}
        self._removed: dict[str, MarkState] = {}
        # Local key -> database id. Written by the worker thread inside the add job, so a
        # later job queued for the same mark (move, delete) finds it without a round trip.
        self._db_ids: dict[str, int] = {}

    # -- reading ---------------------------------------------------------------------------
    def marks(self) -> list[MarkState]:
        return list(self._marks.values())

    def get(self, key: str) -> MarkState | None:
        return self._marks.get(key)

    def database_id(self, key: str) -> int | None:
        return self._db_ids.get(key)

    def unsaved(self) -> list[MarkState]:
        return [m for m in self._marks.values() if m.status == "unsaved"]

    # -- loading ---------------------------------------------------------------------------
    def load_visit(self, visit_id: int | None) -> None:
        """Show the marks of ``visit_id`` (None: no visit open)."""
        self._open(visit_id)
        self._marks.clear()
        self._removed.clear()
        self._db_ids = {}
        self.marks_reset.emit()
        if visit_id is not None:
            self._read(
                lambda store: store_calls.list_pain_marks(store, visit_id),
                self._on_loaded,
                "The marks of this visit could not be read",
            )

    def _on_loaded(self, records: list[Any]) -> None:
        for record in records:
            key = f"db-{record.id}"
            self._db_ids[key] = record.id
            self._marks[key] = MarkState(
                key=key,
                view=record.view,
                # Internal sites (teeth, pelvic floor...) have no place on the drawing.
                x=None if record.x is None else float(record.x),
                y=None if record.y is None else float(record.y),
                region=record.region,
                side=record.side,
                intensity=int(record.intensity),
                quality=record.quality,
                status="saved",
            )
        self.marks_reset.emit()

    # -- editing (called by undo commands) -------------------------------------------------
    def add(
        self,
        view: str,
        x: float | None,
        y: float | None,
        region: str,
        side: Side,
        intensity: int,
        quality: str,
    ) -> str:
        """Draw a new mark and store it; returns its key (x, y are None at internal sites)."""
        key = f"new-{uuid.uuid4().hex}"
        mark = MarkState(key, view, x, y, region, side, intensity, quality)
        self._marks[key] = mark
        self.mark_added.emit(key)
        self._save_new(mark)
        return key

    def remove(self, key: str) -> None:
        """Take a mark off the chart (a soft delete in the store; :meth:`restore` undoes it)."""
        mark = self._marks.pop(key, None)
        if mark is None:
            return
        self._removed[key] = mark
        self.mark_removed.emit(key)
        ids = self._db_ids
        generation = self._generation

        def job(store: Any) -> None:
            mark_id = ids.get(key)
            if mark_id is not None:
                store_calls.delete_pain_mark(store, mark_id)

        self._worker.submit(
            job,
            lambda _r: self._note(generation, f"Removed the mark at {self._label(mark)}"),
            lambda exc: self._removal_failed(generation, key, exc),
        )

    def restore(self, key: str) -> None:
        """Put a removed mark back (undo of a removal, redo of an addition)."""
        mark = self._removed.pop(key, None)
        if mark is None:
            return
        mark = mark.with_status("saving")
        self._marks[key] = mark
        self.mark_added.emit(key)
        ids = self._db_ids
        generation = self._generation

        def job(store: Any) -> Any:
            mark_id = ids.get(key)
            if mark_id is None:  # never reached the store: add it now
                record = store_calls.add_pain_mark(store, self._visit_id_or_fail(), mark)
                ids[key] = record.id
                return record
            return store_calls.restore_pain_mark(store, mark_id)

        self._worker.submit(
            job,
            lambda _r: self._mark_saved(
                generation, key, f"Restored the mark at {self._label(mark)}"
            ),
            lambda exc: self._mark_failed(generation, key, exc),
        )

    def change(self, key: str, **changes: Any) -> None:
        """Move a mark or change its intensity/quality, and store the new state."""
        mark = self._marks.get(key)
        if mark is None:
            return
        allowed = {"x", "y", "region", "side", "intensity", "quality"}
        mark = replace(mark, **{k: v for k, v in changes.items() if k in allowed})
        mark = mark.with_status("saving")
        self._marks[key] = mark
        self.mark_changed.emit(key)
        self._save_existing(mark)

    def retry_unsaved(self) -> int:
        """Try again to store every mark whose last save failed; returns how many."""
        pending = self.unsaved()
        for mark in pending:
            mark = mark.with_status("saving")
            self._marks[mark.key] = mark
            self.mark_changed.emit(mark.key)
            self._save_existing(mark)
        return len(pending)

    # -- store jobs ------------------------------------------------------------------------
    def _visit_id_or_fail(self) -> int:
        if self._visit_id is None:
            raise RuntimeError("no visit is open")
        return self._visit_id

    def _save_new(self, mark: MarkState) -> None:
        visit_id = self._visit_id_or_fail()
        ids = self._db_ids
        generation = self._generation

        def job(store: Any) -> Any:
            record = store_calls.add_pain_mark(store, visit_id, mark)
            ids[mark.key] = record.id
            return record

        self._worker.submit(
            job,
            lambda _r: self._mark_saved(generation, mark.key, f"Saved: {self._describe(mark)}"),
            lambda exc: self._mark_failed(generation, mark.key, exc),
        )

    def _save_existing(self, mark: MarkState) -> None:
        visit_id = self._visit_id_or_fail()
        ids = self._db_ids
        generation = self._generation

        def job(store: Any) -> Any:
            mark_id = ids.get(mark.key)
            if mark_id is None:  # its first save failed: add it now
                record = store_calls.add_pain_mark(store, visit_id, mark)
                ids[mark.key] = record.id
                return record
            return store_calls.update_pain_mark(store, mark_id, mark)

        self._worker.submit(
            job,
            lambda _r: self._mark_saved(generation, mark.key, f"Saved: {self._describe(mark)}"),
            lambda exc: self._mark_failed(generation, mark.key, exc),
        )

    # -- results (GUI thread) --------------------------------------------------------------
    def _mark_saved(self, generation: int, key: str, note: str) -> None:
        if generation != self._generation:
            return
        mark = self._marks.get(key)
        if mark is not None and mark.status == "saving":
            self._marks[key] = mark.with_status("saved")
            self.mark_changed.emit(key)
        self.saved.emit(note)

    def _mark_failed(self, generation: int, key: str, exc: BaseException) -> None:
        if generation != self._generation:
            return
        mark = self._marks.get(key)
        if mark is None:
            return
        self._marks[key] = mark.with_status("unsaved", error_text(exc))
        self.mark_changed.emit(key)
        self.failed.emit(
            f"The mark at {self._label(mark)} could not be saved: {error_text(exc)}\n"
            "It stays on the map marked unsaved; use Edit > Retry saving to try again."
        )

    def _removal_failed(self, generation: int, key: str, exc: BaseException) -> None:
        if generation != self._generation:
            return
        mark = self._removed.pop(key, None)
        if mark is None:
            return
        self._marks[key] = mark.with_status("unsaved", error_text(exc))
        self.mark_added.emit(key)
        self.failed.emit(f"The mark at {self._label(mark)} could not be removed: {error_text(exc)}")

    def _note(self, generation: int, note: str) -> None:
        if generation == self._generation:
            self.saved.emit(note)

    @staticmethod
    def _label(mark: MarkState) -> str:
        from nmt_bodymap.core.vocabulary import region_label

        try:
            return region_label(mark.region, mark.side)
        except KeyError:
            return f"{mark.side} {mark.region}"

    def _describe(self, mark: MarkState) -> str:
        return f"{self._label(mark)}, {mark.quality} {mark.intensity}/10"
