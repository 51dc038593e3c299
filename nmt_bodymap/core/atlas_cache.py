"""A disk cache of parsed data, so start-up does not re-read the SVG drawings (or YAML).

The drawings stay the only source of truth: a cache entry is found by a key that hashes
everything its content was computed from (the SVG bytes, the package and shapely versions,
the parsing code), so a regenerated drawing simply misses and is parsed again. Entries
carry their key and a checksum and are read defensively: a truncated, corrupt or foreign
file is treated as a miss, never trusted. Writing is best effort (temporary file, then
``os.replace``), so a read-only or missing cache folder only costs speed.

The folder is the platform's per-user cache folder, or ``NMT_BODYMAP_CACHE_DIR``.
Geometry is stored as WKB (exact doubles) next to a small JSON index (with each shape's box
and whether it is a valid (multi-)polygon), read back as :class:`StoredGeometry` without
numpy or shapely; other entries are opaque bytes (the knowledge base stores its parsed YAML
as JSON).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nmt_bodymap.core.cache_files import CACHE_DIR_ENV as CACHE_DIR_ENV  # re-exported
from nmt_bodymap.core.cache_files import KEEP_ENTRIES as KEEP_ENTRIES  # re-exported
from nmt_bodymap.core.cache_files import cache_dir as cache_dir  # re-exported
from nmt_bodymap.core.cache_files import write_entry_file

if TYPE_CHECKING:  # numpy and shapely load only where geometry is packed, not for plain data
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

    shapes = np.asarray(geometries, dtype=object)
    wkb = shapely.to_wkb(shapes, output_dimension=2)
    sizes = [len(w) for w in wkb]
    # a valid (multi-)polygon's inside is what ray crossings say: no shapely needed for it
    kinds = shapely.get_type_id(shapes)
    simple = shapely.is_valid(shapes) & ((kinds == _POLYGON) | (kinds == _MULTIPOLYGON))
    bounds = shapely.bounds(shapes).tolist()  # NaN for an empty shape
    head = {"index": index, "sizes": sizes, "simple": [bool(s) for s in simple], "bounds": bounds}
    head_bytes = json.dumps(head, separators=(",", ":")).encode("utf-8")
    return _LENGTH.pack(len(head_bytes)) + head_bytes + b"".join(wkb)


_POLYGON = 3  # the WKB (and shapely) type id of a Polygon
_MULTIPOLYGON = 6


class StoredGeometry:
    """A geometry of the cache known by its WKB: the shapely object is made (and shapely
    imported) on first use of :attr:`geometry`; ``simple`` (a valid polygon or
    multi-polygon), its box and its rings are known without it (issue 18: no numpy nor
    shapely on the click's path)."""

    __slots__ = ("_geometry", "bounds", "simple", "wkb")

    def __init__(self, wkb: bytes, simple: bool, bounds: tuple[float, float, float, float]) -> None:
        self.wkb = wkb
        self.simple = simple
        self.bounds = bounds
        self._geometry: BaseGeometry | None = None

    @property
    def geometry(self) -> BaseGeometry:
        found = self._geometry
        if found is None:
            import shapely

            found = self._geometry = shapely.from_wkb(self.wkb)
        return found

    def rings(self) -> list[list[array[float]]]:
        """The rings (x, y flat) of each polygon in it (exterior first), read from the WKB."""
        return wkb_rings(self.wkb)


def unpack_stored(payload: bytes) -> tuple[dict[str, Any], list[StoredGeometry]]:
    """The index and the geometries of :func:`pack_geometry`, as :class:`StoredGeometry`
    (no numpy nor shapely import); ValueError when malformed."""
    if len(payload) < _LENGTH.size:
        raise ValueError("cache payload is truncated")
    (head_size,) = _LENGTH.unpack_from(payload)
    start = _LENGTH.size + head_size
    head = json.loads(payload[_LENGTH.size : start])
    if not isinstance(head, dict) or not isinstance(head.get("sizes"), list):
        raise ValueError("cache index is malformed")
    sizes, simple, bounds = head["sizes"], head.get("simple"), head.get("bounds")
    if sum(sizes) != len(payload) - start or any(not isinstance(s, int) or s <= 0 for s in sizes):
        raise ValueError("cache geometry sizes do not match the payload")
    if not isinstance(simple, list) or not isinstance(bounds, list):
        raise ValueError("cache shape flags are missing")
    found: list[StoredGeometry] = []
    at = start
    for size, flag, box in zip(sizes, simple, bounds, strict=True):
        x1, y1, x2, y2 = (float(v) for v in box)
        found.append(StoredGeometry(payload[at : at + size], bool(flag), (x1, y1, x2, y2)))
        at += size
    return head["index"], found


_UINT = struct.Struct("<I")
_UINT_BIG = struct.Struct(">I")


def wkb_rings(wkb: bytes) -> list[list[array[float]]]:
    """The polygons' rings of a 2-D WKB Polygon or MultiPolygon (else none)."""
    polygons: list[list[array[float]]] = []
    _read_polygons(memoryview(wkb), 0, polygons)
    return polygons


def _read_polygons(data: memoryview, at: int, out: list[list[array[float]]]) -> int:
    big = data[at] == 0
    uint = _UINT_BIG if big else _UINT
    (kind,) = uint.unpack_from(data, at + 1)
    at += 5
    if kind == _POLYGON:
        (count,) = uint.unpack_from(data, at)
        at += 4
        rings = []
        for _ in range(count):
            (points,) = uint.unpack_from(data, at)
            at += 4
            ring = array("d")
            ring.frombytes(data[at : at + 16 * points])
            if big != (sys.byteorder == "big"):
                ring.byteswap()
            rings.append(ring)
            at += 16 * points
        out.append(rings)
        return at
    if kind == _MULTIPOLYGON:  # its parts are whole Polygon WKBs
        (count,) = uint.unpack_from(data, at)
        at += 4
        for _ in range(count):
            at = _read_polygons(data, at, out)
        return at
    raise ValueError(f"WKB type {kind} is not a polygon")


def shapely_release() -> list[str]:
    """What names the installed shapely (and its GEOS), read without importing it: its
    dist-info folder (the version) and its bundled libraries (the GEOS build); a frozen
    build without them imports shapely for its versions."""
    spec = importlib.util.find_spec("shapely")
    origin = spec.origin if spec is not None else None
    if origin is not None:
        site = Path(origin).parent.parent
        names = sorted(p.name for p in site.glob("shapely-*.dist-info"))
        if len(names) == 1:
            libs = site / "shapely.libs"
            return names + sorted(p.name for p in libs.iterdir()) if libs.is_dir() else names
    import shapely

    return [shapely.__version__, shapely.geos_version_string]
