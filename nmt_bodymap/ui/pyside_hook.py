"""PySide6's import hook without its source reads (issue 18).

Once PySide6 is imported, every module imported after it, in any thread, passes through
``__feature__.feature_imported``, which asks ``_mod_uses_pyside(module)``: the module's
whole source text read with ``inspect.getsource`` (file read, decoded, split into lines and
kept in ``linecache``) to see whether it mentions "PySide6". The answer only chooses the
module's default for ``from __feature__ import snake_case, true_property``: 0 ("no
feature") for a module that uses PySide6, -1 ("ignore this module": it keeps the selection
in force, which is 0 as long as no module selects a feature). This app never selects a
feature, so every answer gives the same Qt API; the source reads cost ~9 % of every import
after PySide6 (SQLAlchemy, numpy, shapely and the app's own modules, at launch).

:func:`quiet_feature_hook` replaces ``_mod_uses_pyside`` with a function answering False
without reading anything. It touches PySide6's private ``__feature__`` module: it checks
that module's shape first (PySide6 6.x, as 6.11.3 has it) and otherwise changes nothing.
Importing this module installs it and drops the sources read before it from
``linecache`` (~5 MiB when every module's source was kept).
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

import PySide6  # the hook is installed by PySide6's first import: it must be in place

_MARK = "_nmt_bodymap_quiet"


def _uses_no_feature(_module: ModuleType) -> bool:
    """Every module keeps the feature selection in force (no module selects one)."""
    return False


setattr(_uses_no_feature, _MARK, True)  # a marker on the function object


def installed() -> bool:
    """True when PySide6's import hook answers without reading sources."""
    feature = sys.modules.get("__feature__")
    return getattr(getattr(feature, "_mod_uses_pyside", None), _MARK, False) is True


def quiet_feature_hook() -> bool:
    """Install the no-read answer; False (and nothing changed) when PySide6's hook is not
    the one this was written for."""
    if installed():
        return True
    feature = sys.modules.get("__feature__")
    version = getattr(PySide6, "__version_info__", (0,))
    if (
        feature is None
        or version[0] != 6
        or not callable(getattr(feature, "_mod_uses_pyside", None))
        or not callable(getattr(feature, "feature_imported", None))
        or not isinstance(getattr(feature, "pyside_feature_dict", None), dict)
    ):
        return False
    feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]
    # the sources PySide6 read before this (modules imported between it and here) leave
    # linecache: entries read from a file only, a traceback reads them again if it needs them
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:  # (size, mtime, lines, path): a file
            linecache.cache.pop(name, None)
    return True


quiet_feature_hook()
