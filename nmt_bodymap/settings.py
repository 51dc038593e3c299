"""Every user setting, declared once with its default (Picard's ``options.py`` idea).

Qt-free: the core, the store, the CLI and the UI all read the same ``Settings``.
Stored as JSON in the platform's per-user config folder (``NMT_BODYMAP_CONFIG_DIR``
overrides it for tests and portable installs), written atomically and owner-only.
A missing, unreadable or partly invalid file falls back to the defaults for the
values it cannot give; it never stops the app. Window geometry and splitter state
are not here: the UI keeps those in ``QSettings``.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from platformdirs import user_config_path

from nmt_bodymap.paths import write_private

CONFIG_DIR_ENV = "NMT_BODYMAP_CONFIG_DIR"
SETTINGS_FILE = "settings.json"

Paper = Literal["a4", "letter"]
PAPERS: tuple[str, ...] = ("a4", "letter")
LANGUAGES: tuple[str, ...] = ("en", "de")
QUALITIES: tuple[str, ...] = ("ache", "sharp", "burning", "throbbing", "tingling", "numb")


@dataclass(frozen=True)
class Settings:
    """What a clinic or a therapist can change; the defaults are what a new install uses."""

    clinic_name: str = ""
    clinic_address: str = ""
    therapist_name: str = ""
    default_intensity: int = 5
    default_quality: str = "ache"
    idle_lock_minutes: int = 5
    backup_folder: str = ""  # a second backup place (another disk); "" = none
    language: str = "en"
    paper: str = "a4"

    def validated(self) -> Settings:
        """The same settings with every out-of-range value put back to its default."""
        default = Settings()
        checks: dict[str, bool] = {
            "default_intensity": isinstance(self.default_intensity, int)
            and 0 <= self.default_intensity <= 10,
            "default_quality": self.default_quality in QUALITIES,
            "idle_lock_minutes": isinstance(self.idle_lock_minutes, int)
            and 1 <= self.idle_lock_minutes <= 240,
            "language": self.language in LANGUAGES,
            "paper": self.paper in PAPERS,
        }
        fixes = {name: getattr(default, name) for name, ok in checks.items() if not ok}
        for field in fields(self):
            if field.type == "str" and not isinstance(getattr(self, field.name), str):
                fixes[field.name] = getattr(default, field.name)
        return replace(self, **fixes) if fixes else self


def config_dir(create: bool = True) -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    folder = (
        Path(override).expanduser()
        if override
        else user_config_path("nmt-bodymap", appauthor=False)
    )
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def settings_path() -> Path:
    return config_dir(create=False) / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings, or the defaults for anything missing or invalid."""
    path = path or settings_path()
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {field.name for field in fields(Settings)}
    values = {key: value for key, value in raw.items() if key in known}
    try:
        return Settings(**values).validated()
    except TypeError:
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically (temporary file, then rename), owner-only."""
    path = path or (config_dir() / SETTINGS_FILE)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    text = json.dumps(asdict(settings.validated()), indent=2, sort_keys=True)
    write_private(path, text.encode("utf-8"), prefix=".settings-")
    return path
