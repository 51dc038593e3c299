"""Where the packaged data lives: SVG drawings, knowledge files, migrations.

The installed wheel carries ``assets/`` and ``resources/`` inside the package
(``nmt_bodymap/assets``, ``nmt_bodymap/resources``); the frozen installer build
puts them in the same place under its bundle folder. Only a source checkout,
recognised by the ``pyproject.toml`` beside the package, reads the top-level
folders directly.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib.resources import files
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _data_root(kind: str) -> Path:
    if getattr(sys, "frozen", False):
        bundle = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        return bundle / "nmt_bodymap" / kind
    packaged = Path(str(files("nmt_bodymap") / kind))
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / kind).is_dir():
        return checkout / kind
    raise FileNotFoundError(f"packaged data folder {kind!r} is missing from {packaged}")


def asset_path(*parts: str) -> Path:
    """Path of a file under ``assets/`` (e.g. ``asset_path("body_svgs", "anterior.svg")``)."""
    return _data_root("assets").joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (knowledge data, region vocabulary)."""
    return _data_root("resources").joinpath(*parts)
