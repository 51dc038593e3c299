"""The drawing validator: the app's drawings pass; each kind of illustrator slip is named."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from nmt_bodymap.core.drawing_check import check_drawing, check_drawings
from nmt_bodymap.resources import asset_path

DRAWINGS = asset_path("body_svgs")


@pytest.fixture(scope="module")
def anterior() -> str:
    return (DRAWINGS / "anterior.svg").read_text(encoding="utf-8")


def _path_of(svg: str, element_id: str) -> str:
    match = re.search(rf'<path id="{element_id}"[^>]*/>', svg)
    assert match, element_id
    return match.group(0)


def _tool_main():
    tool = Path(__file__).resolve().parents[2] / "tools" / "validate_drawings.py"
    spec = importlib.util.spec_from_file_location("validate_drawings", tool)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def test_the_apps_drawings_pass():
    assert check_drawings(DRAWINGS) == []


def test_the_command_line_tool_reports_ok_and_problems(tmp_path, capsys):
    main = _tool_main()
    assert main([str(DRAWINGS)]) == 0
    assert "drawings OK" in capsys.readouterr().out
    shutil.copy(DRAWINGS / "posterior.svg", tmp_path / "posterior.svg")
    text = (DRAWINGS / "anterior.svg").read_text(encoding="utf-8")
    (tmp_path / "anterior.svg").write_text(text.replace("region-temple-left", "region-tempel-left"))
    assert main([str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "anterior: region-tempel-left: 'tempel' is not in regions.yaml" in out
    assert "anterior: region-temple-left is missing (regions.yaml)" in out
    assert main([str(tmp_path / "nowhere")]) == 2


def test_a_region_with_the_sides_swapped_is_named(anterior):
    swapped = (
        anterior.replace("region-temple-left", "region-temple-TMP")
        .replace("region-temple-right", "region-temple-left")
        .replace("region-temple-TMP", "region-temple-right")
    )
    problems = check_drawing("anterior", swapped.encode())
    assert any(
        p.startswith("anterior: region-temple-left: drawn on the viewer's left") for p in problems
    ), problems
    assert not any("region-cheek-left" in p for p in problems)  # only the swapped pair


def test_a_deleted_region_leaves_a_gap_and_a_missing_id(anterior):
    broken = anterior.replace(_path_of(anterior, "region-forehead-left"), "")
    problems = check_drawing("anterior", broken.encode())
    assert "anterior: region-forehead-left is missing (regions.yaml)" in problems
    assert any("regions and outline differ" in p for p in problems), problems


def test_a_duplicate_id_is_named(anterior):
    original = _path_of(anterior, "region-cheek-left")
    copy = original.replace("region-cheek-left", "region-cheek-right")
    problems = check_drawing("anterior", anterior.replace(original, original + copy).encode())
    assert "anterior: id 'region-cheek-right' is used 2 times" in problems


def test_a_region_drawn_over_another_is_named(anterior):
    cheek = _path_of(anterior, "region-cheek-left")
    eye = _path_of(anterior, "region-eye-left")
    broken = anterior.replace(eye, cheek.replace("region-cheek-left", "region-eye-left"))
    problems = check_drawing("anterior", broken.encode())
    assert any(
        p.startswith("anterior: region-cheek-left and region-eye-left overlap by") for p in problems
    ), problems


def test_a_midline_region_given_a_side_and_a_lone_muscle_are_named(anterior):
    broken = anterior.replace('id="region-nose-midline"', 'id="region-nose-left"').replace(
        'id="muscle-buccinator-right"', 'id="muscle-buccinator-gone"'
    )
    problems = check_drawing("anterior", broken.encode())
    assert (
        "anterior: region-nose-left: nose is midline in regions.yaml, so its sides are midline"
        in problems
    )
    assert "anterior: muscle-buccinator-left has no twin muscle-buccinator-right" in problems


def test_an_unreadable_file_is_one_line():
    problems = check_drawing("anterior", b"<svg")
    assert len(problems) == 1 and problems[0].startswith("anterior: not a readable SVG (")
