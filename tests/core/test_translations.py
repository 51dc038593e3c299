"""The knowledge texts per language: the German overlay is complete, current and shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nmt_bodymap.core import translations
from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.translations import (
    TranslationError,
    display_lines,
    display_text,
    english_texts,
    load_overlay,
    missing,
    muscle_name,
    place_name,
)
from nmt_bodymap.core.vocabulary import load_vocabulary


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_knowledge_text_has_its_german_text() -> None:
    """Complete, not sampled: every English text of every knowledge entry is translated."""
    untranslated = missing("de")
    listed = "\n".join(f"{kind} {item!r} {field}" for kind, item, field in untranslated[:40])
    assert not untranslated, f"{len(untranslated)} texts have no German text:\n{listed}"


def test_the_german_overlay_names_no_stale_or_unknown_entry() -> None:
    overlay = load_overlay("de")  # raises TranslationError on a stale id or a wrong field
    english = english_texts()
    assert set(overlay) <= set(english)
    for key, value in overlay.items():
        if isinstance(english[key], tuple):
            assert len(value) == len(english[key]), key


def test_the_catalogue_covers_every_kind_of_knowledge_entry() -> None:
    kinds = {kind for kind, _item, _field in english_texts()}
    assert kinds >= {
        "muscle",
        "trigger_point",
        "region",
        "condition",
        "protocol",
        "red_flag",
        "observation",
        "posture_area",
        "ischemia_sign",
        "entrapment_site",
        "muscle_group",
        "side",
    }
    knowledge = load_knowledge()
    names = [key for key in english_texts() if key[0] == "muscle" and key[2] == "name"]
    assert len(names) == len(knowledge)
    regions = [key for key in english_texts() if key[0] == "region"]
    assert len(regions) == len(load_vocabulary())


def test_the_german_overlay_changes_the_displayed_muscle_name() -> None:
    english = muscle_name("upper_trapezius", "en")
    german = muscle_name("upper_trapezius", "de")
    assert english == "Upper trapezius"
    assert german == "M. trapezius, absteigender Teil (oberer Trapezius)"
    # the knowledge object itself stays English: ids, aliases and ranking do not move
    assert load_knowledge().muscle("upper_trapezius").name == "Upper trapezius"


def test_places_and_sides_read_in_german_and_english() -> None:
    assert place_name("temple", "right", "de") == "Schläfe rechts"
    assert place_name("heel", "left", "de") == "Ferse links"
    assert place_name("sternum", "midline", "de") == "Brustbein"
    for name, region in load_vocabulary().items():
        for side in region.client_sides():
            assert place_name(name, side, "en") == region.label_for(side)


def test_lists_and_long_texts_come_in_german() -> None:
    english = load_knowledge().muscle("sternocleidomastoid")
    self_care = display_lines("muscle", "sternocleidomastoid", "self_care", "de")
    assert len(self_care) == len(english.self_care)
    assert self_care != tuple(english.self_care)
    assert "Kopfschmerz" in display_text("muscle", "sternocleidomastoid", "symptoms", "de")
    question = display_text("red_flag", "history_of_cancer", "question", "de")
    assert question == "Hatten Sie jemals eine Krebserkrankung?"


def test_a_language_without_an_overlay_falls_back_to_english() -> None:
    assert muscle_name("masseter", "fr") == "Masseter"
    assert display_text("region", "heel", "label", "xx") == "heel"
    assert muscle_name("no_such_muscle", "de") == "no such muscle"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("muscles:\n  no_such_muscle:\n    name: X\n", "no muscle has the id 'no_such_muscle'"),
        (
            "muscles:\n  masseter:\n    trigger_points:\n      tp9: {label: X}\n",
            "no trigger point has the id 'masseter/tp9'",
        ),
        ("regions:\n  heal: Ferse\n", "no region has the id 'heal'"),
        ("muscles:\n  masseter:\n    nickname: X\n", "muscles.masseter.nickname: no such field"),
        ("colours:\n  red: rot\n", "colours: no such field"),
        ("muscles:\n  masseter:\n    self_care: [eins]\n", "1 lines where the English has 4"),
        (
            "muscles:\n  masseter:\n    client_explanation: [eins]\n",
            "explanation: Input should be a valid string",
        ),
        ("phrases:\n  place: '{region}'\n", "the placeholders must be ['region', 'side']"),
        (
            "muscles:\n  masseter:\n    trigger_points:\n      tp1: {label: X, palpation: Y}\n"
            "      tp2: {label: X}\n    patterns:\n      tp9: Z\n",
            "no pattern has the id 'masseter/tp9'",
        ),
    ],
)
def test_a_wrong_overlay_entry_is_refused_naming_file_entry_and_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    _write(tmp_path, "broken.yaml", text)
    with pytest.raises(TranslationError) as raised:
        load_overlay("de", tmp_path)
    message = str(raised.value)
    assert str(tmp_path / "broken.yaml") in message
    assert reason in message


def test_a_text_given_twice_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "regions:\n  heel: Ferse\n")
    _write(tmp_path, "b.yaml", "regions:\n  heel: Hacke\n")
    with pytest.raises(
        TranslationError, match=re.escape("b.yaml: regions.heel: already given in a.yaml")
    ):
        load_overlay("de", tmp_path)


def test_a_field_the_english_entry_leaves_empty_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "x.yaml", "observations:\n  forward_head:\n    caution: Vorsicht\n")
    with pytest.raises(
        TranslationError, match=re.escape("forward_head.caution: the English entry has no text")
    ):
        load_overlay("de", tmp_path)


def test_a_partial_overlay_shows_german_where_given_and_english_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "i18n" / "nl"
    _write(folder, "x.yaml", "regions:\n  heel: hiel\n")
    monkeypatch.setattr(
        translations, "overlay_folder", lambda language: tmp_path / "i18n" / language
    )
    _clear()
    try:
        assert display_text("region", "heel", "label", "nl") == "hiel"
        assert display_text("region", "calf", "label", "nl") == "calf"
    finally:
        _clear()


def _clear() -> None:
    translations.load_overlay.cache_clear()
    translations._usable_overlay.cache_clear()


def test_a_broken_overlay_shows_english_and_says_why_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _write(tmp_path / "i18n" / "nl", "x.yaml", "regions:\n  heal: hiel\n")
    monkeypatch.setattr(translations, "overlay_folder", lambda lang: tmp_path / "i18n" / lang)
    _clear()
    try:
        with caplog.at_level("WARNING", logger="nmt_bodymap.core.translations"):
            assert muscle_name("masseter", "nl") == "Masseter"
            assert display_text("region", "heel", "label", "nl") == "heel"
        warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
        assert len(warnings) == 1
        assert "no region has the id 'heal'" in warnings[0]
    finally:
        _clear()


def test_lookup_json_stays_english_with_german_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/cli.md is a contract: the overlay never reaches the CLI's JSON."""
    import json

    from nmt_bodymap.cli import main
    from nmt_bodymap.settings import Settings, save_settings

    monkeypatch.setenv("NMT_BODYMAP_CONFIG_DIR", str(tmp_path / "config"))
    save_settings(Settings(language="de"))
    assert main(["lookup", "--spot", "anterior/temple/right", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_id = {c["muscle"]: c for c in data["candidates"]}
    assert by_id["temporalis"]["name"] == "Temporalis"
    assert "Schläfe" not in json.dumps(data, ensure_ascii=False)
