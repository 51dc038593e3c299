"""An encrypted chart's key unwrapped on a thread from the launch on (issue 18). Qt-free.

With the secret in ``NMT_BODYMAP_SECRET`` (a station set up so) the chart key is unwrapped
with argon2id, whose cost is 64 MiB of memory for ~0.15 s. Every byte of it is returned
when it ends, but while it runs it adds to whatever the process holds then: started as
the window was made (RSS ~60 MiB and growing with the atlas, the panels and the store
behind the first paint) it lifted the peak of a charting session from 127 to 161 MiB.
``start(chart)`` is therefore called first thing at launch (``cli`` before the window's
imports, ``ui.app.run_app``), when the process holds ~10 MiB: the pad is made on a thread
(argon2 lets go of the interpreter lock) while the main thread imports Qt and paints.

This module imports nothing but the standard library's ``os``, ``threading`` and
``pathlib`` (and ``chart_file``, which imports nothing); the thread imports the key file's
reader (``chart_keys``) and argon2's binding. ``store.encryption.resolve_key`` takes the
result (``take``), waiting if it must; a secret that does not fit gives None there and the
chart is reported locked, as before.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from nmt_bodymap.store.chart_file import KEYS_SUFFIX, is_sealed_file

SECRET_ENV = "NMT_BODYMAP_SECRET"

# key file (absolute path) -> (the thread, [its key or None once it ended])
_started: dict[str, tuple[threading.Thread, list[bytes | None]]] = {}


def _where(path: Path | str) -> Path:
    return Path(path).expanduser().absolute()


def start(chart: Path | str, key_file: Path | None = None) -> bool:
    """Start unwrapping the key of ``chart`` with the environment's secret on a thread;
    True when it runs (or ran) so. Nothing is started without a secret, for an address
    (``scheme://``), or when ``chart`` is not an encrypted file with its key file
    (``key_file``, by default ``<chart>.keys``)."""
    secret = os.environ.get(SECRET_ENV)
    if not secret or "://" in str(chart):
        return False
    path = _where(chart)
    keys = _where(key_file) if key_file is not None else path.with_name(path.name + KEYS_SUFFIX)
    name = str(keys)
    if name in _started:
        return True
    if not keys.is_file() or not is_sealed_file(path):
        return False
    outcome: list[bytes | None] = []
    thread = threading.Thread(
        target=_unwrap, args=(keys, secret, outcome), name="chart-key", daemon=True
    )
    _started[name] = (thread, outcome)
    thread.start()
    return True


def _unwrap(keys: Path, secret: str, outcome: list[bytes | None]) -> None:
    key = None  # also when it fails: the chart is then reported locked where it opens
    try:
        from nmt_bodymap.store.chart_keys import read_key_file, unwrap

        key = unwrap(read_key_file(keys), secret)
    except Exception:  # a damaged key file is reported by the call that opens the chart
        key = None
    finally:
        outcome.append(key)


def started(chart: Path | str) -> bool:
    """Whether ``start`` runs (or ran) for the key file beside ``chart``."""
    path = _where(chart)
    return str(path.with_name(path.name + KEYS_SUFFIX)) in _started


def take(key_file: Path) -> tuple[bytes | None] | None:
    """The outcome of the unwrap started for ``key_file`` (waiting for it), then forgotten:
    ``(key,)``, ``(None,)`` when the secret did not fit, None when none was started."""
    found = _started.pop(str(_where(key_file)), None)
    if found is None:
        return None
    thread, outcome = found
    thread.join()
    return (outcome[0] if outcome else None,)


def forget() -> None:
    """Drop what was started (``encryption.forget_all``); a running thread ends alone."""
    _started.clear()
