"""Reading the project's YAML data files quickly and safely.

PyYAML's pure-Python parser takes seconds on the knowledge base; its libyaml
binding (``CSafeLoader``) takes milliseconds, so it is used whenever present.
Both are *safe* loaders: data files can never construct Python objects. ``read_model``
reads a file into its pydantic model and says what is wrong in one line.

YAML and pydantic are imported when a file is read, never by importing this module: the app
reads its data from the pre-validated cache (:mod:`nmt_bodymap.core.data_cache`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; raises ``yaml.YAMLError`` or ``OSError`` as PyYAML does."""
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


M = TypeVar("M", bound="BaseModel")
Place = Callable[[Any, tuple[int | str, ...]], str]


def _dotted(_raw: Any, loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


def read_model(
    path: Path,
    model: type[M],
    error: type[Exception],
    place: Place = _dotted,
    unknown_key: str = "",
) -> M:
    """``path`` read and checked by ``model``. Any problem raises ``error`` with one line
    naming the file, then where and why: "<path>: cannot read (...)", "<path>: not valid
    YAML: ...", or "<path>: <place>: <reason>" (``place`` names the entry from the parsed
    file and pydantic's location; ``unknown_key`` words an unknown key, if given). An empty
    file reads as an empty mapping."""
    import yaml
    from pydantic import ValidationError

    try:
        raw = read_yaml(path)
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML{_yaml_problem(exc)}") from exc
    try:
        return model.model_validate({} if raw is None else raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        unknown = first["type"] == "extra_forbidden" and unknown_key
        reason = unknown_key if unknown else first["msg"]
        raise error(f"{path}: {place(raw, first['loc'])}: {reason}") from exc


def _yaml_problem(exc: Exception) -> str:
    """ " at line 3, column 9: expected ',' or ']'": PyYAML's message in one line."""
    mark = getattr(exc, "problem_mark", None)
    at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
    return f"{at}: {problem}"
