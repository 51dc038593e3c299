"""Issue 18: the knowledge language is looked up once per settings location, not per label
(a 10,000-mark visit names its places thousands of times while it opens)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nmt_bodymap import settings
from nmt_bodymap.settings import CONFIG_DIR_ENV, Settings, save_settings
from nmt_bodymap.ui.map import labels


@pytest.fixture
def fresh_language() -> Any:
    labels.set_knowledge_language(None)
    yield
    labels.set_knowledge_language(None)


def test_labels_do_not_look_up_the_settings_path_each_time(
    fresh_language: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = settings.settings_path

    def counted() -> Path:
        calls.append(1)
        return real()

    monkeypatch.setattr(settings, "settings_path", counted)
    names = {labels.place_label("temple", "right") for _ in range(200)}
    assert names == {"Right temple"}
    assert labels.knowledge_language() == "en"
    assert len(calls) == 1


def test_another_settings_location_is_read_again(
    fresh_language: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert labels.knowledge_language() == "en"
    german = tmp_path / "german-config"
    save_settings(Settings(language="de"), german / settings.SETTINGS_FILE)
    monkeypatch.setenv(CONFIG_DIR_ENV, str(german))
    assert labels.knowledge_language() == "de"
    assert labels.place_label("temple", "right") == "Schläfe rechts"
    monkeypatch.undo()
    assert labels.knowledge_language() == "en"


def test_the_location_follows_every_variable_it_depends_on(
    fresh_language: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The environment is read from its own table (issue 18); a change through os.environ
    (set, changed, removed) is seen at the next label, as with os.environ.get."""
    monkeypatch.delenv(CONFIG_DIR_ENV, raising=False)
    home = tmp_path / "home"
    german = home / ".config" / "nmt-bodymap"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("HOME", str(home))
    if settings.settings_path().parent != german:
        pytest.skip("the config folder is not under XDG_CONFIG_HOME on this platform")
    save_settings(Settings(language="de"), german / settings.SETTINGS_FILE)
    assert labels.knowledge_language() == "de"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "elsewhere"))
    assert labels.knowledge_language() == "en"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    assert labels.knowledge_language() == "de"
