"""The project's data files from a pre-validated cache, without pydantic or YAML (issue 18).

The knowledge's mechanism (:mod:`nmt_bodymap.core.knowledge_cache`) for every other data
file: the region vocabulary, the red-flag screen, the regional guide, the assessment
vocabulary, the consent texts, the pain areas and a clinic's SOAP templates. Validation
(YAML parsed, pydantic models of :mod:`nmt_bodymap.core.data_models`, cross-file checks)
gives plain JSON data; the module turns that data into its frozen records. Both the first
load and every later one build the records from the *same* JSON text, so the cache
holds exactly what validation accepted and the records are the same whichever path
made them.

An entry is found by a key hashing the format tag, the package version, the kind, the
validating code (the module, the models, this file), the bytes of every file validation
read and, for files checked against the knowledge base, the knowledge's own key: an
edited file or changed code simply misses and is validated again. It is written only when
no file changed while it was validated. A damaged entry (checksum), or one whose content
is not in the shape the records expect (``decode`` raises or gives None), is a miss and
is written anew.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from nmt_bodymap import __version__
from nmt_bodymap.core import atlas_cache, knowledge_cache

FORMAT = "validated-data-1"
KIND_PREFIX = "validated-data"  # entries are ``validated-data.<kind>-<key>.bin``
_CODE = ("data_cache.py", "data_models.py", "datafiles.py")

T = TypeVar("T")
# A damaged or foreign entry can hold any JSON: these are what reading it wrongly raises.
_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def entry_kind(kind: str) -> str:
    """The atlas cache's kind of a data file's entries (one prune group per kind)."""
    return f"{KIND_PREFIX}.{kind}"


def data_key(
    kind: str, files: Sequence[Path], code: Sequence[str], knowledge: bool = False
) -> str | None:
    """The key over ``files`` (name and bytes), the code and, when ``knowledge``, the
    default knowledge base's key; None when a file cannot be read (the caller then
    validates, which reports the unreadable file)."""
    parts: list[bytes | str] = [
        FORMAT,
        kind,
        __version__,
        *knowledge_cache.code_bytes((*code, *_CODE)),
    ]
    try:
        for path in files:
            parts += [str(path.name), path.read_bytes()]
    except OSError:
        return None
    if knowledge:
        depends = knowledge_cache.default_knowledge_key()
        if depends is None:
            return None
        parts.append(depends)
    return atlas_cache.content_key(*parts)


def load(
    kind: str,
    files: Sequence[Path],
    code: Sequence[str],
    validate: Callable[[], Any],
    decode: Callable[[Any], T],
    *,
    knowledge: bool = False,
    trust: bool = True,
) -> T:
    """The records of ``files``: ``decode`` of the cached data when ``trust`` and an entry
    for these bytes exists, else ``decode`` of what ``validate()`` returns (plain JSON
    values; it raises the module's one-line error for a bad file), stored for next time.

    ``knowledge``: validation also checked the files against the knowledge base and the
    region vocabulary, so the key includes theirs. ``trust=False`` validates whatever the
    cache holds (the self-test, data authors) and refreshes the entry.
    """
    key = data_key(kind, files, code, knowledge)
    if key is not None and trust:
        found = _decoded(decode, read(kind, key))
        if found is not None:
            return found
    encoded = json.dumps(validate(), separators=(",", ":"), ensure_ascii=False)
    records = decode(json.loads(encoded))  # the same text a later load reads
    if key is not None and key == data_key(kind, files, code, knowledge):
        atlas_cache.write_entry(entry_kind(kind), key, encoded.encode("utf-8"))
    return records


def _decoded(decode: Callable[[Any], T], data: Any) -> T | None:
    if data is None:
        return None
    try:
        return decode(data)
    except _SHAPE_ERRORS:
        return None


def read(kind: str, key: str) -> Any:
    """The JSON data stored for ``kind`` under ``key``; None when absent or damaged."""
    return knowledge_cache.read(entry_kind(kind), key)


def entries(kind: str) -> list[Path]:
    """The cache files of ``kind`` (for tests and the curious)."""
    return sorted(atlas_cache.cache_dir().glob(f"{entry_kind(kind)}-*.bin"))
