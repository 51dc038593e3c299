"""Process-wide memory settings made once at start (issue 18), Qt-free.

``tune_process()`` (called by ``ui.app.ensure_application``) caps glibc's malloc arenas.
(PySide6's import hook, which read and kept every imported module's source, is answered
without reading anything by ``ui.pyside_hook``, installed before this runs.)

* **glibc malloc arenas** (Linux with glibc only): the GUI thread, the store worker and the
  map loader each get a malloc arena of their own by default, and memory one thread frees
  is not reused by another; ``mallopt(M_ARENA_MAX, ARENA_MAX)`` shares them.
  ``MALLOC_ARENA_MAX`` or ``GLIBC_TUNABLES=glibc.malloc.arena_max=N`` in the environment
  wins over this.
  Elsewhere (macOS, Windows, musl) nothing is changed.
"""

from __future__ import annotations

import ctypes
import os
import sys

ARENA_MAX = 2
M_ARENA_MAX = -8  # glibc malloc.h

_applied: dict[str, bool] = {}


def tune_process() -> dict[str, bool]:
    """Apply the settings once; returns what took effect (``arenas``)."""
    if not _applied:
        _applied["arenas"] = limit_malloc_arenas()
    return dict(_applied)


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
