"""A pain mark lies on the body: a position inside the diagram's view box but off the figure
(beside the head, between the legs) is refused with one plain line naming the view; a click
on the edge of the skin (within a few view units of the outline) still counts. Internal
sites have no position and are unaffected; marks stored before the rule still open and can
be edited; an import holding an off-body mark is refused as a whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import LineString, Point
from shapely.ops import nearest_points
from sqlalchemy import text

from nmt_bodymap.cli import main
from nmt_bodymap.core.atlas import load_atlas
from nmt_bodymap.core.on_body import ON_BODY_TOLERANCE, on_body
from nmt_bodymap.store import ChartStore, ChartValidationError
from nmt_bodymap.store.exports import export_chart

CLIENT = "Ana Ruiz"
NOTE = "worse when reading the newspaper"


def _region_point(view: str, region: str, side: str) -> tuple[float, float]:
    x, y = load_atlas().region(view, region, side).point  # type: ignore[arg-type]
    return float(x), float(y)


def beside_the_head(view: str) -> tuple[float, float]:
    """A point level with the forehead, well to the side of the head, inside the view box."""
    atlas = load_atlas()
    outline = atlas.outline(view)
    _minx, top_of_head, _maxx, _maxy = outline.bounds
    level = top_of_head + 40.0
    row = outline.intersection(LineString([(-1e6, level), (1e6, level)]))
    point = (row.bounds[2] + 60.0, level)
    left, top, width, height = atlas.view_box(view)
    assert left <= point[0] <= left + width and top <= point[1] <= top + height
    assert atlas.outline(view).distance(Point(point)) > 3 * ON_BODY_TOLERANCE
    return point


def off_the_edge(view: str, distance: float) -> tuple[float, float]:
    """A point ``distance`` view units outside the skin, straight out from the edge nearest
    to the point beside the head."""
    outline = load_atlas().outline(view)
    far = Point(beside_the_head(view))
    edge = nearest_points(outline, far)[0]
    dx, dy = far.x - edge.x, far.y - edge.y
    length = (dx * dx + dy * dy) ** 0.5
    return edge.x + dx / length * distance, edge.y + dy / length * distance


def _mark(view: str = "anterior", at: tuple[float, float] | None = None) -> dict[str, Any]:
    region = "temple" if view == "anterior" else "posterior_neck"
    x, y = at if at is not None else _region_point(view, region, "right")
    return dict(
        view=view, x=x, y=y, region=region, side="right", intensity=6, quality="ache", note=NOTE
    )


@pytest.fixture
def visit(store: ChartStore) -> int:
    client = store.create_client(name=CLIENT, date_of_birth="1984-05-02")
    return store.create_visit(client.id, chief_complaint="Right-sided headache").id


@pytest.mark.parametrize("view", ["anterior", "posterior"])
def test_a_mark_beside_the_head_is_refused_with_one_plain_line(
    store: ChartStore, visit: int, view: str
) -> None:
    with pytest.raises(ChartValidationError) as refused:
        store.add_pain_mark(visit, **_mark(view, beside_the_head(view)))
    message = str(refused.value)
    assert f"outside the {view} figure" in message
    assert "\n" not in message
    assert CLIENT not in message and NOTE not in message
    assert store.list_pain_marks(visit) == []


@pytest.mark.parametrize("view", ["anterior", "posterior"])
def test_a_mark_on_the_body_and_on_the_edge_of_the_skin_is_kept(
    store: ChartStore, visit: int, view: str
) -> None:
    store.add_pain_mark(visit, **_mark(view))
    store.add_pain_mark(visit, **_mark(view, off_the_edge(view, ON_BODY_TOLERANCE / 2)))
    with pytest.raises(ChartValidationError, match=f"outside the {view} figure"):
        store.add_pain_mark(visit, **_mark(view, off_the_edge(view, ON_BODY_TOLERANCE * 3)))
    assert len(store.list_pain_marks(visit)) == 2


def test_the_core_helper_answers_on_and_off_the_figure() -> None:
    atlas = load_atlas()
    for region in atlas.regions("posterior"):
        assert on_body(atlas, "posterior", *region.point), region.region
    assert not on_body(atlas, "anterior", *beside_the_head("anterior"))
    assert on_body(atlas, "anterior", *off_the_edge("anterior", ON_BODY_TOLERANCE - 1))
    assert not on_body(atlas, "anterior", *off_the_edge("anterior", ON_BODY_TOLERANCE + 1))


def test_an_internal_site_has_no_position_and_is_unaffected(store: ChartStore, visit: int) -> None:
    mark = store.add_pain_mark(
        visit, view="internal", region="upper_teeth", side="right", intensity=4, quality="ache"
    )
    assert (mark.x, mark.y) == (None, None)


def test_moving_a_mark_off_the_body_is_refused_and_leaves_it_in_place(
    store: ChartStore, visit: int
) -> None:
    mark = store.add_pain_mark(visit, **_mark())
    x, y = beside_the_head("anterior")
    with pytest.raises(ChartValidationError, match="outside the anterior figure"):
        store.move_pain_mark(mark.id, x=x, y=y, region="temple", side="right")
    (kept,) = store.list_pain_marks(visit)
    assert (kept.x, kept.y) == (mark.x, mark.y)


def test_a_mark_stored_before_the_rule_still_opens_and_can_be_scored(
    store: ChartStore, visit: int
) -> None:
    """The rule applies to new positions only: an older off-body mark keeps working."""
    mark = store.add_pain_mark(visit, **_mark())
    x, y = beside_the_head("anterior")
    with store._engine.begin() as conn:  # as an older version of the app stored it
        conn.execute(
            text("UPDATE pain_marks SET x = :x, y = :y WHERE id = :id"),
            {"x": x, "y": y, "id": mark.id},
        )
    (old,) = store.list_pain_marks(visit)
    assert (old.x, old.y) == pytest.approx((x, y))
    rescored = store.update_pain_mark(mark.id, intensity=3, note="")
    assert rescored.intensity == 3
    store.delete_pain_mark(mark.id)
    store.restore_pain_mark(mark.id)
    assert [m.intensity for m in store.list_pain_marks(visit)] == [3]


def test_the_import_command_refuses_an_off_body_mark_in_one_line(
    store: ChartStore, visit: int, tmp_path: Path, capsys: Any
) -> None:
    store.add_pain_mark(visit, **_mark())
    exported = export_chart(store, store.get_visit(visit).client_id, "json", tmp_path / "c.json")
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["visits"][0]["pain_marks"][0]["x"], data["visits"][0]["pain_marks"][0]["y"] = (
        beside_the_head("anterior")
    )
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "target.sqlite3"
    status = main(["import", "--db", str(target), str(edited)])
    _out, err = capsys.readouterr()
    assert status == 1
    assert "outside the anterior figure" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert CLIENT not in err and NOTE not in err
    with ChartStore.open(target, backup_on_close=False) as chart:
        assert chart.recent_clients() == []
