"""Issue 18 (branch clickfirst): work made ahead runs one step per event-loop pass, and
stops with its owner (deleted, or its window closed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from nmt_bodymap.ui.idle_work import IdleWork


def _counting(left: int, ran: list[str], name: str) -> Any:
    todo = [left]

    def step() -> bool:
        ran.append(name)
        todo[0] -= 1
        return todo[0] > 0

    return step


def test_one_step_per_pass_owners_in_turn_until_done(qtbot: Any) -> None:
    owner_a, owner_b = QWidget(), QWidget()
    for owner in (owner_a, owner_b):
        qtbot.addWidget(owner)
        owner.show()
    work = IdleWork()
    ran: list[str] = []
    a, b = _counting(3, ran, "a"), _counting(1, ran, "b")
    work.add(owner_a, a)
    work.add(owner_b, b)
    work.add(owner_a, a)  # added once
    work.run_one()
    assert ran == ["a"]  # one step, then the event loop goes on
    work.run_all()
    assert ran == ["a", "b", "a", "a"] and not work.pending()
    qtbot.waitUntil(lambda: not work._timer.isActive(), timeout=1000)


def test_the_timer_runs_the_steps_when_idle(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    work = IdleWork()
    ran: list[str] = []
    work.add(owner, _counting(5, ran, "a"))
    qtbot.waitUntil(lambda: not work.pending(), timeout=5000)
    assert ran == ["a"] * 5


def test_a_closed_or_deleted_owner_drops_its_work(qtbot: Any) -> None:
    closed, gone = QWidget(), QWidget()
    qtbot.addWidget(closed)
    work = IdleWork()
    ran: list[str] = []
    work.add(closed, _counting(5, ran, "closed"))  # never shown: its window is not open
    work.add(gone, _counting(5, ran, "gone"))
    gone.show()
    gone.close()
    import shiboken6

    shiboken6.delete(gone)
    work.run_all()
    assert ran == [] and not work.pending()
