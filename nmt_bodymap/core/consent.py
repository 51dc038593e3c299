"""The consent-to-treatment text (``resources/consent.yaml``) and the checks of a recorded
consent. Qt-free. Each text has a version id; a stored consent names the version agreed to
(old versions stay in the file so an old consent still prints with its own words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from nmt_bodymap.core import data_cache
from nmt_bodymap.resources import resource_path

# A drawn signature is kept as SVG path data: moves and lines in a 0-1000 box.
DRAWING_PATTERN = re.compile(r"^(?:[ML] ?-?\d{1,4}(?:\.\d+)? -?\d{1,4}(?:\.\d+)? ?)*$")
MAX_DRAWING = 60_000


class ConsentDataError(ValueError):
    """The consent file is missing or malformed (one line, naming the file)."""


# The records hold what the models of ``data_models`` (same names) validated.


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentText:
    id: str
    title: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentFile:
    current: str
    versions: tuple[ConsentText, ...]

    def version(self, version_id: str) -> ConsentText | None:
        return next((v for v in self.versions if v.id == version_id), None)

    @property
    def latest(self) -> ConsentText:
        found = self.version(self.current)
        assert found is not None  # checked when loaded
        return found


@cache
def load_consent(path: Path | None = None) -> ConsentFile:
    """The consent texts, validated once and then read from the pre-validated cache."""
    return _load(path or resource_path("consent.yaml"), trust=True)


def validate_consent(path: Path | None = None) -> ConsentFile:
    """The consent texts validated from their YAML now, whatever the cache holds."""
    return _load(path or resource_path("consent.yaml"), trust=False)


def _load(path: Path, trust: bool) -> ConsentFile:
    return data_cache.load(
        "consent", [path], ("consent.py",), lambda: _validated(path), _decode, trust=trust
    )


def _decode(data: dict[str, Any]) -> ConsentFile:
    versions = tuple(ConsentText(**item) for item in data["versions"])
    return ConsentFile(current=data["current"], versions=versions)


def _validated(path: Path) -> dict[str, Any]:
    from nmt_bodymap.core.data_models import ConsentFile as ConsentModel
    from nmt_bodymap.core.datafiles import read_model

    parsed = read_model(path, ConsentModel, ConsentDataError)
    if not any(version.id == parsed.current for version in parsed.versions):
        raise ConsentDataError(f"{path}: current version {parsed.current!r} is not listed")
    return parsed.model_dump()


def check_consent(
    text_version: Any, consented_on: Any, typed_name: Any, drawing: Any
) -> tuple[str, date, str, str]:
    """The consent's values, cleaned; ``ValueError`` with one plain line when wrong."""
    if load_consent().version(str(text_version)) is None:
        raise ValueError("The consent names a text version this app does not know.")
    if isinstance(consented_on, str):
        try:
            consented_on = date.fromisoformat(consented_on)
        except ValueError:
            raise ValueError("Write the consent date as YYYY-MM-DD.") from None
    if not isinstance(consented_on, date):
        raise ValueError("The consent needs the date it was given.")
    if consented_on > date.today():
        raise ValueError("The consent date cannot be in the future.")
    name = typed_name.strip() if isinstance(typed_name, str) else ""
    path = drawing.strip() if isinstance(drawing, str) else ""
    if not name and not path:
        raise ValueError("Consent needs the client's typed name or drawn signature.")
    if len(name) > 200:
        raise ValueError("The typed name is longer than 200 characters.")
    if len(path) > MAX_DRAWING or not DRAWING_PATTERN.match(path):
        raise ValueError("The drawn signature is not a drawing this app made.")
    return str(text_version), consented_on, name, path
