"""The Windows branch of the one-app-per-chart lock (``msvcrt.locking``), run on any OS with
a fake ``msvcrt`` that keeps Windows' rules: a locked byte range belongs to one file handle,
another handle's lock on it fails at once with EACCES (LK_NBLCK), and only the holder can
unlock it. Two "processes" are two handles whose app knows nothing of the other's lock."""

from __future__ import annotations

import errno
import os
import sys
import types
from pathlib import Path

import pytest

from nmt_bodymap.store import ChartStore
from nmt_bodymap.store import chart_lock as chart_lock_module
from nmt_bodymap.store.backups import restore_backup
from nmt_bodymap.store.chart_lock import WINDOWS_LOCK_BYTE, ChartLock, lock_path
from nmt_bodymap.store.errors import ChartInUse


class FakeMsvcrt(types.ModuleType):
    """``msvcrt.locking`` with Windows' byte-range lock rules, recording every call."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[str, int, int]] = []  # (what, offset, bytes)
        self.held: dict[tuple[int, int, int], int] = {}  # (device, inode, offset) -> fd

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino, offset)
        if mode == self.LK_UNLCK:
            self.calls.append(("unlock", offset, nbytes))
            if self.held.get(key) != fd:
                raise OSError(errno.EACCES, "Permission denied")
            del self.held[key]
            return
        assert mode == self.LK_NBLCK, "the app must never wait for the lock"
        self.calls.append(("lock", offset, nbytes))
        if key in self.held:  # held by any handle, even this one: a locking violation
            raise OSError(errno.EACCES, "Permission denied")
        self.held[key] = fd


@pytest.fixture
def msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(chart_lock_module, "_WINDOWS", True)
    monkeypatch.setattr(chart_lock_module, "_HELD", {})
    return fake


def as_another_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on this test is a second app: it has none of the first one's locks."""
    monkeypatch.setattr(chart_lock_module, "_HELD", {})


def test_a_second_app_gets_the_plain_message_and_release_lets_it_in(
    msvcrt: FakeMsvcrt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = tmp_path / "charts.sqlite3"
    first = ChartLock.acquire(chart)
    assert msvcrt.calls == [("lock", WINDOWS_LOCK_BYTE, 1)]
    holder = lock_path(chart).read_text(encoding="utf-8").strip()
    assert holder.startswith(f"{os.getpid()}@")

    as_another_process(monkeypatch)
    with pytest.raises(ChartInUse) as refused:
        ChartLock.acquire(chart)
    message = str(refused.value)
    assert "is open elsewhere" in message and holder in message
    assert len(msvcrt.held) == 1, "the refused app must not take or drop the first app's lock"

    first.release()
    assert msvcrt.calls[-1] == ("unlock", WINDOWS_LOCK_BYTE, 1)
    assert msvcrt.held == {}
    second = ChartLock.acquire(chart)  # the chart is free again
    assert second.held and len(msvcrt.held) == 1
    second.release()
    assert msvcrt.held == {}


def test_the_locked_byte_lies_past_the_holders_name(msvcrt: FakeMsvcrt, tmp_path: Path) -> None:
    """Windows refuses reads of a locked byte to other processes: were the lock on the name's
    bytes, a second app could not say who has the chart open."""
    chart = tmp_path / "charts.sqlite3"
    with ChartLock.acquire(chart):
        written = lock_path(chart).stat().st_size
        what, offset, _bytes = msvcrt.calls[0]
        assert what == "lock" and offset >= written > 0
        assert written + 255 < offset  # room for the longest host name
    assert msvcrt.held == {}


def test_stores_of_one_app_share_the_lock_and_the_last_close_unlocks(
    msvcrt: FakeMsvcrt, tmp_path: Path
) -> None:
    chart = tmp_path / "charts.sqlite3"
    one = ChartLock.acquire(chart)
    two = ChartLock.acquire(chart)  # a second window of the same app
    assert [c[0] for c in msvcrt.calls] == ["lock"]
    one.release()
    assert msvcrt.held != {}, "the other window still has the chart open"
    two.release()
    assert msvcrt.held == {} and [c[0] for c in msvcrt.calls] == ["lock", "unlock"]


def test_another_fault_is_not_reported_as_in_use(
    msvcrt: FakeMsvcrt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(fd: int, mode: int, nbytes: int) -> None:
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(msvcrt, "locking", broken)
    with pytest.raises(OSError) as fault:
        ChartLock.acquire(tmp_path / "charts.sqlite3")
    assert not isinstance(fault.value, ChartInUse)
    assert fault.value.errno == errno.EBADF


def test_a_second_app_and_restore_are_refused_while_the_chart_is_open(
    msvcrt: FakeMsvcrt, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real store: the app holds the chart; a second app and a restore from its
    backup are refused with the plain message, and nothing is replaced."""
    chart = tmp_path / "charts.sqlite3"
    app = ChartStore.open(chart, backup_on_close=False)
    app.create_client(name="Ana Ruiz")
    backup = app.backup()
    app.create_client(name="Ben Okafor")
    held = dict(msvcrt.held)
    assert len(held) == 1

    as_another_process(monkeypatch)
    with pytest.raises(ChartInUse, match="is open elsewhere"):
        ChartStore.open(chart, backup_on_close=False)
    with pytest.raises(ChartInUse, match="is open elsewhere"):
        restore_backup(chart, backup)
    assert msvcrt.held == held
    assert sorted(c.name for c in app.search_clients("")) == ["Ana Ruiz", "Ben Okafor"]
    app.close()
    assert msvcrt.held == {}

    with ChartStore.open(chart, backup_on_close=False) as reopened:  # free once closed
        assert len(reopened.search_clients("")) == 2
