"""``nmt-bodymap lookup``: the JSON contract of ../shared/spec/cli.md and one-line errors."""

from __future__ import annotations

import json

import pytest

from nmt_bodymap.cli import main
from nmt_bodymap.core.atlas import load_atlas

CANDIDATE_KEYS = ["muscle", "name", "side", "aliases", "score", "explains", "zones"]


def _lookup(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    status = main(["lookup", *args, "--json"])
    out = capsys.readouterr().out
    assert status == 0
    return json.loads(out)


def test_spot_gives_ranked_candidates_on_the_client_side(capsys) -> None:
    data = _lookup(capsys, "--spot", "anterior/temple/right")
    assert data["spots"] == [{"view": "anterior", "region": "temple", "side": "right"}]
    assert data["candidates"], "no candidate for a right temple pain"
    for candidate in data["candidates"]:
        assert list(candidate)[:8] == [*CANDIDATE_KEYS, "trigger_points"]
        assert candidate["side"] in ("right", "bilateral")
        assert candidate["explains"] == [0]
        assert candidate["zones"][0] in ("essential", "spillover", "local")
        for tp in candidate["trigger_points"]:
            assert {"view", "point", "label"} <= set(tp)
            assert tp["view"] in ("anterior", "posterior")
    scores = [c["score"] for c in data["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert "temporalis" in [c["muscle"] for c in data["candidates"][:6]]


def test_front_of_shoulder_names_the_explaining_trigger_points_and_the_muscles_under_it(
    capsys,
) -> None:
    data = _lookup(capsys, "--spot", "anterior/anterior_shoulder/right")
    first = data["candidates"][0]
    assert first["muscle"] == "infraspinatus" and first["zones"] == ["essential"]
    assert [tp["id"] for tp in first["trigger_points"]] == ["tp1", "tp2"]  # not tp3
    assert all(tp["side"] == "right" for tp in first["trigger_points"])
    under = {(u["muscle"], u["side"]) for u in data["under_spot"]}
    assert ("coracobrachialis", "right") in under
    assert all(u["spots"] == [0] for u in data["under_spot"])
    groups = {c["muscle"]: c["group"] for c in data["candidates"]}
    assert groups["anterior_deltoid"] == "deltoid" and groups["infraspinatus"] is None


def test_point_is_hit_tested_like_a_click(capsys) -> None:
    x, y = load_atlas().region("posterior", "lower_buttock", "right").point
    data = _lookup(capsys, "--point", f"posterior:{x},{y}")
    assert data["spots"] == [{"view": "posterior", "region": "lower_buttock", "side": "right"}]
    assert data["candidates"]
    assert {c["side"] for c in data["candidates"]} <= {"right", "bilateral"}


def test_spots_keep_command_line_order_across_views(capsys) -> None:
    x, y = load_atlas().region("anterior", "jaw", "left").point
    data = _lookup(
        capsys, "--point", f"anterior:{x},{y}", "--spot", "posterior/posterior_neck/left"
    )
    assert [s["region"] for s in data["spots"]] == ["jaw", "posterior_neck"]
    best = data["candidates"][0]
    assert best["explains"] == [0, 1] and best["side"] == "left"


def test_internal_site_spot(capsys) -> None:
    data = _lookup(capsys, "--spot", "internal/upper_teeth/left")
    assert data["spots"] == [{"view": "internal", "region": "upper_teeth", "side": "left"}]
    assert data["candidates"]


def test_limit(capsys) -> None:
    data = _lookup(capsys, "--spot", "posterior/buttock/left", "--limit", "2")
    assert len(data["candidates"]) == 2


def test_table_output_is_readable(capsys) -> None:
    assert main(["lookup", "--spot", "anterior/temple/right"]) == 0
    out = capsys.readouterr().out
    assert "Right temple" in out and "Temporalis" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--spot", "lateral/temple/right"], "unknown view 'lateral'"),
        (["--spot", "anterior/templ/right"], "unknown region 'templ'"),
        (["--spot", "anterior/temple/top"], "unknown side 'top'"),
        (["--spot", "anterior/epigastric/left"], "region 'epigastric' has side midline"),
        (["--spot", "anterior/temple"], "expected VIEW/REGION/SIDE"),
        (["--spot", "internal/temple/right"], "not an internal site"),
        (["--point", "anterior:12;40"], "X,Y must be two numbers"),
        (["--point", "anterior:-5000,-5000"], "outside the figure"),
        (["--point", "side:10,10"], "unknown view 'side'"),
        ([], "give at least one --spot"),
        (["--spot", "anterior/temple/right", "--limit", "0"], "--limit must be 1 or more"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, args: list[str], words: str) -> None:
    status = main(["lookup", *args])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nmt-bodymap: error:")
    assert words in lines[0]


def test_a_midline_region_that_may_hurt_on_one_side_accepts_a_side(capsys) -> None:
    """Right of the sternum: right-side muscles only; the nose (never one-sided) refuses."""
    data = _lookup(capsys, "--spot", "anterior/sternum/right")
    assert data["spots"] == [{"view": "anterior", "region": "sternum", "side": "right"}]
    assert data["candidates"][0]["muscle"] == "sternalis"
    assert {c["side"] for c in data["candidates"]} == {"right"}
    assert {u["side"] for u in data["under_spot"]} == {"right"}
    midline = _lookup(capsys, "--spot", "anterior/sternum/midline")
    assert "bilateral" in {c["side"] for c in midline["candidates"]}
    assert main(["lookup", "--spot", "anterior/nose/right", "--json"]) == 2
    assert "has side midline" in capsys.readouterr().err
