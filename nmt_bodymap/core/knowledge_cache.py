"""The validated knowledge on disk, so the app loads it without pydantic or YAML (issue 18).

An entry holds the knowledge exactly as the pydantic models accepted it (every muscle,
trigger point, pattern, source and condition, as JSON), written only after the whole load
validated: schema, cross-file checks, region vocabulary. It is found by a key hashing
everything that validation read or ran (every knowledge file's name and bytes, the region
vocabulary, the validating code, the package version), so an edited file, a new muscle
file or changed code simply misses and the knowledge is validated again. Entries live in
the atlas's disk cache (:mod:`nmt_bodymap.core.atlas_cache`: checksum, atomic write, per-user
folder or ``NMT_BODYMAP_CACHE_DIR``); a truncated, corrupt or malformed entry is a miss.

The same holds for the per-language overlays of :mod:`nmt_bodymap.core.translations`
(``overlay_key``): their key hashes every resource file, because an overlay is checked
against the English of every knowledge file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nmt_bodymap import __version__
from nmt_bodymap.core import atlas_cache

KIND = "validated-knowledge"  # not "knowledge-...": that prefix is the parsed YAML's
OVERLAY_KIND = "validated-overlay"
FORMAT = "knowledge-records-1"
_HERE = Path(__file__).resolve().parent
# The code whose checks the cached data passed: editing it must miss like an edited file.
_CODE = ("knowledge.py", "knowledge_models.py", "knowledge_schema.py", "knowledge_cache.py")
_OVERLAY_CODE = ("translations.py", "translations_schema.py", *_CODE)


def code_bytes(names: Iterable[str]) -> list[bytes]:
    """The bytes of the named modules beside this one (the code whose checks a cached entry
    passed; the data cache keys on it too)."""
    found = []
    for name in names:
        try:
            found.append((_HERE / name).read_bytes())
        except OSError:  # a frozen build ships no sources: its version pins the code
            found.append(b"")
    return found


def content_key(kind: str, files: Iterable[Path], code: Iterable[str] = _CODE) -> str | None:
    """The key over ``files`` (name and bytes) and the code; None when one cannot be read
    (the caller then validates, which reports the unreadable file)."""
    parts: list[bytes | str] = [FORMAT, kind, __version__, *code_bytes(code)]
    try:
        for path in files:
            parts += [path.name, path.read_bytes()]
    except OSError:
        return None
    return atlas_cache.content_key(*parts)


def knowledge_key(files: Iterable[Path], vocabulary: Path) -> str | None:
    """The key of a knowledge load: its files, then the region vocabulary it was checked by."""
    return content_key(KIND, [*files, vocabulary])


def default_knowledge_key() -> str | None:
    """The key of the packaged knowledge (``load_knowledge()`` with no arguments): what a
    data file checked against the muscles, sources and regions depends on."""
    from nmt_bodymap.resources import resource_path

    folder = resource_path("muscles")
    muscles = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    files = [resource_path("sources.yaml"), resource_path("conditions.yaml"), *muscles]
    return knowledge_key(files, resource_path("regions.yaml"))


def overlay_key(language: str, folder: Path, resources: Path) -> str | None:
    """The key of one language's overlay read from ``folder``: the folder and its files,
    and every YAML file under ``resources`` (each English source the overlay is checked
    against), by path and bytes."""
    own = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    files = sorted(resources.rglob("*.yaml")) if resources.is_dir() else []
    parts: list[bytes | str] = [FORMAT, OVERLAY_KIND, language, __version__, str(folder)]
    parts += code_bytes(_OVERLAY_CODE)
    try:
        for path in own:
            parts += [path.name, path.read_bytes()]
        for path in files:
            parts += [path.relative_to(resources).as_posix(), path.read_bytes()]
    except OSError:
        return None
    return atlas_cache.content_key(*parts)


def read(kind: str, key: str) -> Any:
    """The JSON data stored under ``key``; None when absent, damaged or not JSON."""
    payload = atlas_cache.read_entry(kind, key)
    if payload is None:
        return None
    try:
        return json.loads(payload)
    except ValueError:
        return None


def write(kind: str, key: str, data: Any) -> bool:
    """Store ``data`` (plain JSON values) under ``key``; best effort, False if not written."""
    encoded = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return atlas_cache.write_entry(kind, key, encoded.encode("utf-8"))
