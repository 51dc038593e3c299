"""Settings: defaults, a round trip, and bad files that fall back instead of failing."""

from __future__ import annotations

import stat
from pathlib import Path

from nmt_bodymap.settings import Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == Settings()


def test_round_trip_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    wanted = Settings(clinic_name="Eastside NMT", idle_lock_minutes=10, paper="letter")
    save_settings(wanted, path)
    assert load_settings(path) == wanted
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_bad_values_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        '{"clinic_name": "Kept", "default_intensity": 42, "paper": "A3", "language": 7,'
        ' "unknown": 1}',
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded.clinic_name == "Kept"
    assert loaded.default_intensity == Settings().default_intensity
    assert loaded.paper == "a4"
    assert loaded.language == "en"


def test_damaged_file_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\x00{not json")
    assert load_settings(path) == Settings()
