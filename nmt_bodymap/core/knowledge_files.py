"""Reading and validating the knowledge files (only when the knowledge cache misses).

``_read_raw_files`` parses the YAML (from a disk cache of the parsed data when no file
changed); ``_validate`` checks it with a pydantic model and words the first problem as one
line naming the file, the entry and the field. YAML and pydantic are imported here only
when these run, never when the knowledge is read from its pre-validated cache.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from nmt_bodymap import __version__

if TYPE_CHECKING:
    from pydantic import BaseModel

    _Model = TypeVar("_Model", bound=BaseModel)

_RAW_CACHE_KIND = "knowledge"
_RAW_CACHE_FORMAT = "knowledge-yaml-as-json-1"


class KnowledgeError(ValueError):
    """A knowledge file is wrong; the message names the file, the entry and the reason."""


def _read_raw_files(paths: list[Path]) -> list[Any]:
    """The parsed YAML of every file, from the disk cache when none of their bytes changed.

    Parsing YAML is most of the load time; the cache stores only the parsed data (as JSON),
    so schema validation and the cross-file checks still run on every load and a bad file
    is always rejected.
    """
    import yaml

    from nmt_bodymap.core import atlas_cache

    try:
        contents = [path.read_bytes() for path in paths]
    except OSError:
        return [_read_raw(path) for path in paths]  # reports the unreadable file
    parts: list[bytes | str] = [_RAW_CACHE_FORMAT, __version__, yaml.__version__]
    for path, data in zip(paths, contents, strict=True):
        parts += [path.name, data]
    key = atlas_cache.content_key(*parts)
    payload = atlas_cache.read_entry(_RAW_CACHE_KIND, key)
    if payload is not None:
        try:
            cached = json.loads(payload)
        except ValueError:
            cached = None
        if isinstance(cached, list) and len(cached) == len(paths):
            return cached
    raw = [_read_raw(path) for path in paths]
    encoded = json.dumps(raw, separators=(",", ":"))
    unchanged = all(path.read_bytes() == data for path, data in zip(paths, contents, strict=True))
    if unchanged and json.loads(encoded) == raw:  # JSON keeps exactly what YAML gave
        atlas_cache.write_entry(_RAW_CACHE_KIND, key, encoded.encode("utf-8"))
    return raw


def _read_raw(path: Path) -> Any:
    """Parse one YAML file, turning a read or syntax failure into a KnowledgeError."""
    import yaml

    from nmt_bodymap.core.datafiles import read_yaml

    try:
        return read_yaml(path)
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read the file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise KnowledgeError(f"{path}: YAML syntax error{at}: {problem}") from exc


def _validate(path: Path, raw: Any, model: type[_Model]) -> _Model:
    """Validate the parsed content of ``path`` against ``model``, as a KnowledgeError."""
    from pydantic import ValidationError

    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        raise KnowledgeError(
            f"{path}: {_entry_of(raw, first['loc'])}{_field_of(first['loc'])}: {first['msg']}{more}"
        ) from exc


def _entry_of(raw: Any, loc: tuple[int | str, ...]) -> str:
    """ "muscle #3 (masseter)" for an error inside the fourth entry of a list."""
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(raw, dict):
        key = loc[0]
        items = raw.get(key)
        entry_id = None
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            entry_id = items[loc[1]].get("id")
        noun = {"muscles": "muscle", "sources": "source", "conditions": "condition"}.get(
            str(key), str(key)
        )
        return f"{noun} #{loc[1]} ({entry_id or 'no id'})"
    return "file"


def _field_of(loc: tuple[int | str, ...]) -> str:
    """The field path after the entry, e.g. ``referral.essential[0].region``."""
    rest = loc[2:] if len(loc) >= 2 and isinstance(loc[1], int) else loc
    text = ""
    for part in rest:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in ("str", "function-before[_zone_entry(), ZoneEntry]"):
            continue
        else:
            text += f".{part}" if text else str(part)
    return f": {text}" if text else ""
