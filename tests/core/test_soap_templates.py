"""A clinic's SOAP templates: read from the data folder, refused with one plain line."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmt_bodymap.core.soap_templates import TemplateError, fill_empty, load_templates


def test_templates_load_and_fill_only_empty_sections(tmp_path: Path) -> None:
    path = tmp_path / "soap_templates.yaml"
    assert load_templates(path) == ()
    path.write_text(
        "templates:\n"
        "  - name: Neck follow-up\n"
        "    subjective: 'Pain since last visit (0-10):'\n"
        "    plan: Review in one week.\n"
        "  - name: First visit\n"
        "    objective: Posture, gait, palpation.\n",
        encoding="utf-8",
    )
    templates = load_templates(path)
    assert [t.name for t in templates] == ["Neck follow-up", "First visit"]
    current = {"subjective": "Client's own words", "objective": "", "assessment": "", "plan": ""}
    filled = fill_empty(current, templates[0])
    assert filled == {
        "subjective": "Client's own words",
        "objective": "",
        "assessment": "",
        "plan": "Review in one week.",
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("templates: [name: x\n", "not valid YAML"),
        ("templates:\n  - subjective: no name\n", "templates.0.name"),
        ("templates:\n  - name: A\n    colour: red\n", "templates.0.colour"),
        ("templates:\n  - name: A\n  - name: A\n", "listed twice"),
        ("- just a list\n", "the top level"),
    ],
)
def test_a_bad_file_is_refused_in_one_line(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "soap_templates.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as refused:
        load_templates(path)
    message = str(refused.value)
    assert words in message and "\n" not in message and message.startswith("soap_templates")
