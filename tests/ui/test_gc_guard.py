"""Garbage with Qt objects in it is collected on the GUI thread, never on a worker."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from nmt_bodymap.ui.app import ensure_application
from nmt_bodymap.ui.gc_guard import MainThreadCollector, collect_on_gui_thread


def test_the_app_collects_on_the_gui_thread_and_not_automatically(qtbot: Any) -> None:
    app = ensure_application()
    collector = collect_on_gui_thread(app)
    assert isinstance(collector, MainThreadCollector)
    assert collect_on_gui_thread(app) is collector  # once per application
    assert not gc.isenabled()  # no collection in whatever thread allocates


def test_a_dropped_widget_in_a_cycle_is_freed_by_the_timer_on_the_gui_thread(
    qtbot: Any, monkeypatch: Any
) -> None:
    app = QApplication.instance()
    assert app is not None
    collector = collect_on_gui_thread(app)
    collector.release()  # a window an earlier test started may still hold it
    monkeypatch.setattr(collector, "threshold", (0, 0, 0))  # every tick collects all of it
    freed_on: list[str] = []

    class Panel(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.label = QLabel("cycle", self)
            self.me = self  # a reference cycle: only the cyclic collector frees it

    panel = Panel()
    gone = weakref.ref(panel, lambda _ref: freed_on.append(threading.current_thread().name))
    del panel
    assert gone() is not None  # nothing collects it at once: collection is not automatic
    qtbot.waitUntil(lambda: gone() is None, timeout=10_000)
    assert freed_on == [threading.main_thread().name]


def _cyclic_widget() -> weakref.ref[QWidget]:
    class Panel(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.me = self  # only the cyclic collector frees it

    panel = Panel()
    gone = weakref.ref(panel)
    del panel
    return gone


def test_nothing_is_collected_while_the_window_starts_then_collection_resumes(
    qtbot: Any, monkeypatch: Any
) -> None:
    """Issue 18: the start's allocations are not walked tick after tick on the GUI thread;
    once the first visit is shown (``release_start_hold``) the timer collects again."""
    from nmt_bodymap.ui.gc_guard import release_start_hold

    app = QApplication.instance()
    assert app is not None
    collector = collect_on_gui_thread(app)
    monkeypatch.setattr(collector, "threshold", (0, 0, 0))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    collector.hold_while_starting(window)
    gone = _cyclic_widget()
    collector.check()
    assert gone() is not None and collector.holding()  # held: the tick collected nothing
    release_start_hold()
    assert not collector.holding()
    qtbot.waitUntil(lambda: gone() is None, timeout=10_000)


def test_the_hold_ends_when_the_starting_window_closes(qtbot: Any, monkeypatch: Any) -> None:
    app = QApplication.instance()
    assert app is not None
    collector = collect_on_gui_thread(app)
    monkeypatch.setattr(collector, "threshold", (0, 0, 0))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    collector.hold_while_starting(window)
    assert collector.holding()
    window.close()  # a start given up (sign-in cancelled, a fault): collect as before
    gone = _cyclic_widget()
    collector.check()
    assert gone() is None and not collector.holding()
