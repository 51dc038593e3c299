"""Trigger points placed on the drawn muscles, kept on disk beside the atlas (issue 18).

Placing a trigger point (along the muscle's axis, across its width, pulled inside its
shape) is shapely work; the ranking places every muscle's trigger points on its first
click. The places are a pure function of the atlas (its cache key hashes the drawings, the
placing code and the shapely release) and of the requests, so they are stored as JSON in a
cache entry keyed by both and read back without numpy or shapely on the next launch.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable

from nmt_bodymap.core import atlas_cache
from nmt_bodymap.core.sides import Side

PLACES_KIND = "tp-places"
PLACES_FORMAT = "tp-places-1"

Request = tuple[str, str, Side, float, float]  # view, muscle id, side, along, across
Place = tuple[float, float] | None


class Placements:
    """Places remembered for the process; read from (and written to) the disk cache under
    ``key`` (None: an atlas without a cache entry places everything itself)."""

    def __init__(self, key: str | None, place: Callable[[str, str, Side, float, float], Place]):
        self._key = key
        self._place = place
        self._known: dict[Request, Place] = {}
        self._lock = threading.Lock()  # one batch at a time (the loader and the GUI thread)

    def get(self, request: Request) -> Place:
        if request in self._known:
            return self._known[request]
        found = self._place(*request)
        self._known[request] = found
        return found

    def place_many(self, requests: Iterable[Request]) -> None:
        with self._lock:
            wanted = sorted(set(requests) - self._known.keys())
            if not wanted:
                return
            key = None
            if self._key is not None:
                key = atlas_cache.content_key(PLACES_FORMAT, self._key, json.dumps(wanted))
                stored = _read(key, len(wanted))
                if stored is not None:
                    self._known.update(zip(wanted, stored, strict=True))
                    return
            placed: list[Place] = []
            for request in wanted:
                try:
                    placed.append(self._place(*request))
                except KeyError:  # a view the atlas does not draw: asked again, it raises
                    return
            self._known.update(zip(wanted, placed, strict=True))
            if key is not None:
                atlas_cache.write_entry(PLACES_KIND, key, json.dumps(placed).encode("utf-8"))


def _read(key: str, count: int) -> list[Place] | None:
    payload = atlas_cache.read_entry(PLACES_KIND, key)
    if payload is None:
        return None
    try:
        data = json.loads(payload)
        if not isinstance(data, list) or len(data) != count:
            return None
        return [None if p is None else (float(p[0]), float(p[1])) for p in data]
    except (ValueError, TypeError, IndexError):
        return None
