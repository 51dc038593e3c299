"""Process-wide memory settings made once at start (issue 18), Qt-free.

``tune_process()`` (called by ``ui.app.ensure_application``) does two things:

* **PySide6's feature scan without the source cache.** PySide6 (``shibokensupport.feature``)
  asks of every module imported after it whether it "uses PySide6" by reading its whole
  source with ``inspect.getsource``, which keeps each file in ``linecache`` for the life of
  the process: ~430 modules on the way to a charted visit (SQLAlchemy, numpy, shapely, the
  app), ~5 MiB of text held as ~80,000 line strings, and the reading and splitting of every
  file on the start path. :func:`scan_features_without_linecache` puts in a check with the
  same answer (the module's source file contains ``PySide6``) that reads the file's bytes
  and keeps nothing; a module without a readable ``.py`` file goes to PySide6's own check.
  The files PySide6 read before (the modules imported before it) leave ``linecache``
  (entries read from a file only: a traceback reads them again when it needs them).
* **glibc malloc arenas** (Linux with glibc only): the GUI thread, the store worker and the
  map loader each get a malloc arena of their own by default, and memory one thread frees
  is not reused by another; ``mallopt(M_ARENA_MAX, ARENA_MAX)`` shares them.
  ``MALLOC_ARENA_MAX`` or ``GLIBC_TUNABLES=glibc.malloc.arena_max=N`` in the environment
  wins over this.
  Elsewhere (macOS, Windows, musl) nothing is changed.
"""

from __future__ import annotations

import ctypes
import linecache
import os
import sys
from collections.abc import Callable
from types import ModuleType

ARENA_MAX = 2
M_ARENA_MAX = -8  # glibc malloc.h

_applied: dict[str, bool] = {}


def tune_process() -> dict[str, bool]:
    """Apply the settings once; returns what took effect (``scan``, ``arenas``)."""
    if not _applied:
        _applied["scan"] = scan_features_without_linecache()
        _applied["arenas"] = limit_malloc_arenas()
    return dict(_applied)


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source file names ``PySide6`` (PySide6's own question), read
    as bytes and kept nowhere; ``fallback`` (PySide6's check) for anything else."""
    filename = getattr(module, "__file__", None)
    if not isinstance(filename, str) or not filename.endswith(".py"):
        return fallback(module)
    try:
        with open(filename, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def scan_features_without_linecache() -> bool:
    """Replace ``shibokensupport.feature._mod_uses_pyside`` (loaded with PySide6) by
    :func:`uses_pyside`; False when PySide6 is not loaded or has no such check."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "_nmt_bytes_scan", False):
        return True

    def _mod_uses_pyside(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    _mod_uses_pyside._nmt_bytes_scan = True  # type: ignore[attr-defined]
    _mod_uses_pyside._nmt_original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[attr-defined]
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:  # (size, mtime, lines, path): a file
            linecache.cache.pop(name, None)
    return True


def limit_malloc_arenas(arenas: int = ARENA_MAX) -> bool:
    """``mallopt(M_ARENA_MAX, arenas)`` on Linux with glibc; False elsewhere, when the
    environment sets the arena limit already, or when glibc refuses."""
    if not sys.platform.startswith("linux") or "MALLOC_ARENA_MAX" in os.environ:
        return False
    if "arena_max" in os.environ.get("GLIBC_TUNABLES", ""):  # glibc.malloc.arena_max=N
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        version = libc.gnu_get_libc_version  # glibc only (musl has neither)
    except (OSError, AttributeError):
        return False
    version.restype = ctypes.c_char_p
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, arenas))
