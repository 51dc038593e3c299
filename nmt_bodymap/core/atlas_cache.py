"""A disk cache of parsed data, so start-up does not re-read the SVG drawings (or YAML).

The drawings stay the only source of truth: a cache entry is found by a key that hashes
everything its content was computed from (the SVG bytes, the package and shapely versions,
the parsing code), so a regenerated drawing simply misses and is parsed again. Entries
carry their key and a checksum and are read defensively: a truncated, corrupt or foreign
file is treated as a miss, never trusted. Writing is best effort (temporary file, then
``os.replace``), so a read-only or missing cache folder only costs speed.

The folder is the platform's per-user cache folder, or ``NMT_BODYMAP_CACHE_DIR``.
Geometry is stored as WKB (exact doubles) next to a small JSON index; other entries are
opaque bytes (the knowledge base stores its parsed YAML as JSON).
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nmt_bodymap.core.cache_files import CACHE_DIR_ENV as CACHE_DIR_ENV  # re-exported
from nmt_bodymap.core.cache_files import KEEP_ENTRIES as KEEP_ENTRIES  # re-exported
from nmt_bodymap.core.cache_files import cache_dir as cache_dir  # re-exported
from nmt_bodymap.core.cache_files import write_entry_file

if TYPE_CHECKING:  # numpy and shapely load only where geometry is packed, not for plain data
    import numpy as np
    from shapely.geometry.base import BaseGeometry


_MAGIC = b"NMTBODYMAP-CACHE-1\n"
_KEY_BYTES = 64  # hex sha256
_DIGEST_BYTES = 32
_LENGTH = struct.Struct("<Q")


def content_key(*parts: bytes | str) -> str:
    """A hex sha256 over ``parts``; each is length-prefixed so boundaries cannot shift."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(_LENGTH.pack(len(data)))
        digest.update(data)
    return digest.hexdigest()


def _entry_path(kind: str, key: str) -> Path:
    return cache_dir() / f"{kind}-{key[:32]}.bin"


def read_entry(kind: str, key: str) -> bytes | None:
    """The payload stored for ``key``, or None when absent, unreadable, stale or corrupt."""
    try:
        data = _entry_path(kind, key).read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    if not data.startswith(_MAGIC) or len(data) < head + _KEY_BYTES + _DIGEST_BYTES:
        return None
    if data[head : head + _KEY_BYTES] != key.encode("ascii"):
        return None  # written for other drawings (or another version) under a clashing name
    digest = data[head + _KEY_BYTES : head + _KEY_BYTES + _DIGEST_BYTES]
    payload = data[head + _KEY_BYTES + _DIGEST_BYTES :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def write_entry(kind: str, key: str, payload: bytes) -> bool:
    """Store ``payload`` atomically; False (and no exception) when the folder is unusable."""
    target = _entry_path(kind, key)
    blob = _MAGIC + key.encode("ascii") + hashlib.sha256(payload).digest() + payload
    return write_entry_file(target, kind, blob)


def pack_geometry(index: dict[str, Any], geometries: Sequence[BaseGeometry]) -> bytes:
    """One payload: a JSON index (with the WKB sizes) followed by the WKB of every geometry."""
    import numpy as np
    import shapely

    wkb = shapely.to_wkb(np.asarray(geometries, dtype=object), output_dimension=2)
    sizes = [len(w) for w in wkb]
    head = json.dumps({"index": index, "sizes": sizes}, separators=(",", ":")).encode("utf-8")
    return _LENGTH.pack(len(head)) + head + b"".join(wkb)


def unpack_geometry(payload: bytes) -> tuple[dict[str, Any], np.ndarray]:
    """The index and the geometries of :func:`pack_geometry`; ValueError when malformed."""
    import numpy as np
    import shapely

    if len(payload) < _LENGTH.size:
        raise ValueError("cache payload is truncated")
    (head_size,) = _LENGTH.unpack_from(payload)
    start = _LENGTH.size + head_size
    head = json.loads(payload[_LENGTH.size : start])
    if not isinstance(head, dict) or not isinstance(head.get("sizes"), list):
        raise ValueError("cache index is malformed")
    sizes = head["sizes"]
    if sum(sizes) != len(payload) - start or any(not isinstance(s, int) or s <= 0 for s in sizes):
        raise ValueError("cache geometry sizes do not match the payload")
    ends = np.cumsum(sizes)
    blob = payload[start:]
    chunks = [blob[end - size : end] for size, end in zip(sizes, ends.tolist(), strict=True)]
    geometries = shapely.from_wkb(np.asarray(chunks, dtype=object))
    return head["index"], geometries
