"""Work done while the window waits for the therapist, one small slice at a time (issue 18).

Some things a click shows cost more the first time (a muscle's text made from its HTML, a
muscle's shape on the map). They can be made ahead, but never in the way of a click: the
work is cut into steps well under a millisecond, and one step runs per pass of the event
loop, from a zero-interval timer (after the pass's posted events and input: Qt runs its
timers after them). A click that arrives while a step runs waits for that step only; the
next step runs once the click's events, layouts and paints are done.

One timer per application runs every owner's steps in turn; a step whose owner is gone, or
whose owner's window is closed, is dropped (its owner adds it again when it needs it).
``step()`` does one slice of work and returns True while it has more to do.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QWidget

Step = Callable[[], bool]


class IdleWork(QObject):
    """Steps run one per event-loop pass until each says it is done."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_one)
        self._steps: list[tuple[QObject, Step]] = []

    def add(self, owner: QObject, step: Step) -> None:
        """Run ``step`` when idle until it returns False (added once; ``owner``: the object
        whose deletion drops it)."""
        if all(known != step for _owner, known in self._steps):
            self._steps.append((owner, step))
        if not self._timer.isActive():
            self._timer.start()

    def pending(self) -> bool:
        """True while a step has work left."""
        return bool(self._steps)

    def run_one(self) -> None:
        """One step of the first owner in turn (the others' come on the next passes)."""
        while self._steps:
            owner, step = self._steps.pop(0)
            if not _alive(owner):
                continue  # its owner is gone (or its window closed): so is the work
            if step():
                self._steps.append((owner, step))  # the next owner's step goes first
            break
        if not self._steps:
            self._timer.stop()

    def run_all(self) -> None:
        """Every step to its end now (tests, and a caller about to need it all)."""
        while self._steps:
            self.run_one()


def _alive(owner: QObject) -> bool:
    if not shiboken6.isValid(owner):
        return False
    return not isinstance(owner, QWidget) or owner.window().isVisible()


_SHARED: list[IdleWork] = []


def idle_work() -> IdleWork:
    """The application's idle work (made on first use, gone with the application)."""
    if _SHARED and shiboken6.isValid(_SHARED[0]):
        return _SHARED[0]
    work = IdleWork(QCoreApplication.instance())
    _SHARED[:] = [work]
    return work
