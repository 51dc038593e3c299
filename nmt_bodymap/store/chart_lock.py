"""One app per chart: an exclusive lock file beside a SQLite chart.

``<chart>.lock`` is created owner-only and holds ``pid@host`` of the process that has the
chart open. The lock itself is an OS advisory lock on that file (``flock`` on POSIX,
``msvcrt.locking`` on Windows), so it vanishes with its process: a lock file left by a
killed app is simply taken over. A second app instance and ``nmt-bodymap restore``
ask for the lock and get ``ChartInUse`` naming who holds it.

The lock is per process and counted: several windows (stores) of one app on one chart share
it, and the file is unlocked when the last of them closes. Scripts that only read or add
(``history``, ``report``, ``export``, ``import``) open the chart without it (SQLite and the
rows' versions keep them safe beside a running app); only a second app and the commands that
replace the file (``restore``, ``encrypt``) are kept out.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import socket
import sys
from pathlib import Path
from typing import Any

from nmt_bodymap.store.errors import ChartInUse

# Chosen once; a test switches it to run the Windows branch on Linux with a fake ``msvcrt``.
_WINDOWS = sys.platform == "win32"

# Windows byte-range locks are mandatory: while a byte is locked, other processes cannot read
# it. So the byte locked lies far past the ``pid@host`` text, which a second app reads to say
# who has the chart open (locking beyond the end of a file is allowed on Windows).
WINDOWS_LOCK_BYTE = 1 << 20
# What ``msvcrt.locking`` raises when the byte is locked by another process: EACCES (no
# wait), EDEADLOCK (after its retries). Any other error is a real fault, not "in use".
_LOCKED_ERRNOS = frozenset({errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)})


def _msvcrt() -> Any:
    return importlib.import_module("msvcrt")


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock without waiting; False when another process holds it."""
    if _WINDOWS:
        msvcrt = _msvcrt()
        os.lseek(fd, WINDOWS_LOCK_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in _LOCKED_ERRNOS:
                return False
            raise
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if _WINDOWS:
        msvcrt = _msvcrt()
        os.lseek(fd, WINDOWS_LOCK_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(chart: Path) -> Path:
    return chart.with_name(chart.name + ".lock")


def holder(chart: Path) -> str:
    """``pid@host`` written by whoever holds (or last held) the chart's lock."""
    try:
        return lock_path(chart).read_text(encoding="utf-8").strip() or "another program"
    except OSError:
        return "another program"


# lock file (resolved) -> [file descriptor, holders in this process]
_HELD: dict[str, list[int]] = {}


class ChartLock:
    """Held while a chart is open; ``release()`` (or process exit) lets others in."""

    def __init__(self, chart: Path, fd: int, key: str = "") -> None:
        self.chart, self._fd, self._key = chart, fd, key

    @classmethod
    def acquire(cls, chart: Path, sole: bool = False) -> ChartLock:
        """Take the chart's lock or raise ``ChartInUse``; a stale lock file is taken over.

        ``sole`` (replacing the file: restore) also refuses while this very process has the
        chart open; otherwise stores of one process share the lock.
        """
        path = lock_path(chart)
        key = str(path.resolve())
        if key in _HELD and sole:
            raise ChartInUse(chart, holder(chart))
        if key in _HELD:  # this process has the chart open already: share its lock
            _HELD[key][1] += 1
            return cls(chart, _HELD[key][0], key)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(fd):
                raise ChartInUse(chart, holder(chart))
            if os.name != "nt":
                os.fchmod(fd, 0o600)
            try:  # who holds it: a courtesy for the message, not the lock itself
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}@{socket.gethostname()}\n".encode())
            except OSError:  # a full disk must not stop a restore that frees space
                pass
        except BaseException:
            os.close(fd)
            raise
        _HELD[key] = [fd, 1]
        return cls(chart, fd, key)

    @property
    def held(self) -> bool:
        return self._fd >= 0

    def release(self) -> None:
        if self._fd < 0:
            return
        fd, self._fd = self._fd, -1
        held = _HELD.get(self._key)
        if held is not None:
            held[1] -= 1
            if held[1] > 0:
                return  # another store of this process still has the chart open
            del _HELD[self._key]
        try:
            with contextlib.suppress(OSError):  # the holder's name is a courtesy only
                os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> ChartLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
