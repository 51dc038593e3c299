"""A log of what went wrong, without client data (Qt-free).

``setup_logging()`` writes a rotating ``nmt-bodymap.log`` in the platform's log folder
(``paths.log_dir()``; ``NMT_BODYMAP_LOG_DIR`` overrides it), owner-only; enables
``faulthandler`` into ``crash.log`` there (a segfault in Qt still leaves a trace); and
installs a ``sys.excepthook`` that logs the traceback and shows the user one plain line
(the GUI replaces ``show`` with a dialog). Driver errors reach the log with SQL
parameters hidden (the engines use ``hide_parameters=True``); ``scrub`` drops any
``[parameters: ...]`` block that might still come through.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import re
import sys
from collections.abc import Callable
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from nmt_bodymap import paths

LOG_FILE = "nmt-bodymap.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
PLAIN_ERROR = (
    "NMT Body Map hit an unexpected error. What you saved is safe; the details are in "
    "the log file {log}."
)
_PARAMETERS = re.compile(r"\[parameters: [^\n]*")
_PG_DETAIL = re.compile(r"DETAIL:\s*[^\n]*")  # PostgreSQL quotes row values there
_crash_stream: IO[Any] | None = None


def scrub(text: str) -> str:
    """Text fit for the log: any SQL parameter list (to the end of its line) removed."""
    return _PG_DETAIL.sub("DETAIL: [hidden]", _PARAMETERS.sub("[parameters hidden]", text))


class _ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class _OwnerOnlyHandler(logging.FileHandler):
    """The log file, owner-only, rotated by size (``nmt-bodymap.log.1`` ... ``.5``).

    ``logging.handlers.RotatingFileHandler``'s rule written out here: that module imports
    socket, pickle and queue, ~11 ms of every start before the window's first paint
    (issue 18). ``Handler.handle`` holds the handler's lock around :meth:`emit`."""

    def __init__(self, filename: Path, max_bytes: int, backup_count: int) -> None:
        self.max_bytes, self.backup_count = max_bytes, backup_count
        super().__init__(filename, mode="a", encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._should_roll(record):
                self._roll()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def _should_roll(self, record: logging.LogRecord) -> bool:
        stream = self.stream
        if stream is None:
            stream = self.stream = self._open()
        if self.max_bytes <= 0 or not os.path.isfile(self.baseFilename):
            return False
        stream.seek(0, os.SEEK_END)
        return bool(stream.tell() + len(self.format(record)) + 1 >= self.max_bytes)

    def _roll(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for i in range(self.backup_count - 1, 0, -1):
            if os.path.exists(f"{base}.{i}"):
                os.replace(f"{base}.{i}", f"{base}.{i + 1}")
        if self.backup_count > 0 and os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE


def setup_logging(level: int = logging.INFO, crash_file: bool = True) -> Path:
    """Route the ``nmt_bodymap`` and SQLAlchemy loggers to the rotating file (idempotent)."""
    global _crash_stream
    path = log_file()
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _OwnerOnlyHandler)]:
        if Path(old.baseFilename) != path:  # the log folder moved (tests, a new override)
            root.removeHandler(old)
            old.close()
    if not any(isinstance(h, _OwnerOnlyHandler) for h in root.handlers):
        handler = _OwnerOnlyHandler(path, MAX_BYTES, BACKUP_COUNT)
        handler.setFormatter(_ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        if root.level == logging.NOTSET or root.level > level:
            root.setLevel(level)
    if crash_file and _crash_stream is None:
        fd = os.open(path.with_name(CRASH_FILE), os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        _crash_stream = os.fdopen(fd, "a", encoding="utf-8")
        faulthandler.enable(_crash_stream)
    return path


def install_excepthook(show: Callable[[str], None] | None = None) -> None:
    """Uncaught exceptions: the traceback to the log, one plain line to the user."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        logging.getLogger("nmt_bodymap").error(
            "uncaught %s", kind.__name__, exc_info=(kind, value, tb)
        )
        message = PLAIN_ERROR.format(log=log_file())
        (show or _print_line)(message)

    sys.excepthook = hook


def _print_line(message: str) -> None:
    print(f"nmt-bodymap: error: {message}", file=sys.stderr)


def report_cli_error(exc: BaseException) -> int:
    """A command failed: its plain words (a store or folder error) or the generic line,
    to stderr; the traceback to the log. Returns the exit status (1)."""
    from nmt_bodymap.store.errors import ChartStoreError

    try:
        setup_logging(crash_file=False)
        logging.getLogger("nmt_bodymap").error(
            "command failed: %s", type(exc).__name__, exc_info=exc
        )
        where = log_file()
    except OSError:
        where = None
    if isinstance(exc, ChartStoreError | OSError) and str(exc):
        line = str(exc).splitlines()[0]
    else:
        line = PLAIN_ERROR.format(log=where or "(no log folder)")
    _print_line(line)
    return 1
