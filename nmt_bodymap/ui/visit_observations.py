"""Assessment observations of the open visit: the model behind the Assessment tab.

Like :class:`~nmt_bodymap.ui.visit_findings.VisitFindings`, every change goes to the
store on the worker the moment it is made, and the model holds what the store answered,
so the panel always shows what the chart holds. Removal is a soft delete that undo
restores; the undo commands below are what the panel pushes on the window's stack.

The module-level functions are the store calls; they run on the worker thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from nmt_bodymap.ui.visit_model import VisitModel
from nmt_bodymap.ui.worker import StoreWorker

Store = Any

# -- store calls (worker thread) ---------------------------------------------------------------


def list_observations(store: Store, visit_id: int) -> list[Any]:
    return list(store.list_observations(visit_id))


def add_observation(store: Store, visit_id: int, fields: dict[str, Any]) -> Any:
    return store.add_observation(visit_id, **fields)


def update_observation(store: Store, observation_id: int, changes: dict[str, Any]) -> Any:
    return store.update_observation(observation_id, **changes)


def set_observation_deleted(store: Store, observation_id: int, deleted: bool) -> Any:
    if deleted:
        return store.delete_observation(observation_id)
    return store.restore_observation(observation_id)


# -- the model (GUI thread) --------------------------------------------------------------------


class VisitObservations(VisitModel):
    """Observations of one visit by database id, plus the posture/gait ticks on their way."""

    def __init__(self, worker: StoreWorker, parent: QObject | None = None) -> None:
        super().__init__(worker, parent)
        self.observations: dict[int, Any] = {}
        self.pending: set[tuple[str, str]] = set()  # (kind, item) being added

    def load_visit(self, visit_id: int | None) -> None:
        """Show ``visit_id``'s observations (None: no visit open)."""
        self._open(visit_id)
        self.observations.clear()
        self.pending.clear()
        self.changed.emit()
        if visit_id is not None:
            self._read(
                lambda store: list_observations(store, visit_id),
                self._loaded,
                "The assessment could not be read",
            )

    def _loaded(self, records: list[Any]) -> None:
        self.observations = {r.id: r for r in records}
        self.changed.emit()

    def of_kind(self, kind: str) -> list[Any]:
        """The charted observations of one kind, in charting order."""
        return sorted((o for o in self.observations.values() if o.kind == kind), key=lambda o: o.id)

    def find(self, kind: str, item: str) -> Any | None:
        """The charted posture or gait observation ``item`` (the first, if charted twice)."""
        for record in self.of_kind(kind):
            if record.item == item:
                return record
        return None

    def add(
        self,
        fields: dict[str, Any],
        on_added: Callable[[Any], None],
        on_failed: Callable[[], None] = lambda: None,
    ) -> None:
        """Store a new observation; ``on_added(record)`` gets what the store saved."""
        visit_id = self._visit_id
        if visit_id is None:
            self.failed.emit("Open a visit first.")
            on_failed()
            return
        generation = self._generation
        key = (fields["kind"], fields["item"])
        self.pending.add(key)

        def done(record: Any) -> None:
            if generation == self._generation:
                self.pending.discard(key)
                self.observations[record.id] = record
                self.changed.emit()
                self.saved.emit("Saved the observation")
            on_added(record)

        def fail(exc: BaseException) -> None:
            if generation == self._generation:
                self.pending.discard(key)
                self.changed.emit()  # the panel unticks what was not stored
            on_failed()
            self.failed.emit(f"The observation could not be saved: {exc}")

        self._worker.submit(lambda store: add_observation(store, visit_id, fields), done, fail)

    def change(self, observation_id: int, changes: dict[str, Any]) -> None:
        """Change side, region, severity or note of a charted observation."""
        generation = self._generation

        def done(record: Any) -> None:
            if generation == self._generation:
                self.observations[record.id] = record
                self.changed.emit()
                self.saved.emit("Changed the observation")

        def fail(exc: BaseException) -> None:
            if generation == self._generation:
                self.changed.emit()  # the panel shows the stored values again
            self.failed.emit(f"The observation could not be changed: {exc}")

        self._worker.submit(
            lambda store: update_observation(store, observation_id, changes), done, fail
        )

    def set_deleted(self, observation_id: int, deleted: bool) -> None:
        """Soft-delete (or restore) an observation."""
        generation = self._generation

        def done(record: Any) -> None:
            if generation != self._generation:
                return
            if deleted:
                self.observations.pop(observation_id, None)
            else:
                self.observations[record.id] = record
            self.changed.emit()
            self.saved.emit(f"{'Removed' if deleted else 'Restored'} the observation")

        def fail(exc: BaseException) -> None:
            if generation == self._generation:
                self.changed.emit()
            self.failed.emit(f"The observation could not be changed: {exc}")

        self._worker.submit(
            lambda store: set_observation_deleted(store, observation_id, deleted), done, fail
        )


# -- undo commands -----------------------------------------------------------------------------


class AddObservation(QUndoCommand):
    """Chart an observation (undo removes it, redo restores the same row)."""

    def __init__(self, model: VisitObservations, fields: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self._model = model
        self._fields = dict(fields)
        self.record_id: int | None = None
        self._undone_before_saved = False
        self._failed = False

    def redo(self) -> None:
        if self._failed:
            return
        if self.record_id is None:
            self._undone_before_saved = False
            self._model.add(self._fields, self._added, self._not_added)
        else:
            self._model.set_deleted(self.record_id, deleted=False)

    def _added(self, record: Any) -> None:
        self.record_id = record.id
        if self._undone_before_saved:  # undone while the save was still on its way
            self._model.set_deleted(record.id, deleted=True)

    def _not_added(self) -> None:
        self._failed = True  # nothing was stored: undo and redo have nothing to do

    def undo(self) -> None:
        if self._failed:
            return
        if self.record_id is None:
            self._undone_before_saved = True
        else:
            self._model.set_deleted(self.record_id, deleted=True)


class RemoveObservation(QUndoCommand):
    """Remove an observation (a soft delete; undo restores it)."""

    def __init__(self, model: VisitObservations, observation_id: int, text: str) -> None:
        super().__init__(text)
        self._model = model
        self._id = observation_id

    def redo(self) -> None:
        self._model.set_deleted(self._id, deleted=True)

    def undo(self) -> None:
        self._model.set_deleted(self._id, deleted=False)


class ChangeObservation(QUndoCommand):
    """Change side, severity, region or note; undo puts the old values back."""

    def __init__(
        self,
        model: VisitObservations,
        observation_id: int,
        before: dict[str, Any],
        after: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(text)
        self._model = model
        self._id = observation_id
        self._before = dict(before)
        self._after = dict(after)

    def redo(self) -> None:
        self._model.change(self._id, self._after)

    def undo(self) -> None:
        self._model.change(self._id, self._before)
