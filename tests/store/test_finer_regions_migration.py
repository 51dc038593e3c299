"""Revision 0008 (issue 17): stored marks on a region split into parts move to the part the
atlas finds under the mark's point; marks without a point and other regions stay as they were;
the old name keeps working (as the union of its parts) and downgrade names the whole again."""

from __future__ import annotations

from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.store import ChartStore
from tests.store.region_migration_chart import chart_at, stored_regions, upgrade_then_undo


def _view(region: str) -> str:
    return "anterior" if region.endswith("anterior_thigh") else "posterior"


# (old region, side, the part whose point the mark sits on, or None: no point)
MARKS = [
    ("buttock", "right", "upper_buttock"),
    ("buttock", "left", "lower_buttock"),
    ("calf", "right", "upper_calf"),
    ("calf", "left", "lower_calf"),
    ("heel", "left", "posterior_heel"),
    ("heel", "right", "plantar_heel"),
    ("heel", "right", "medial_heel"),
    ("buttock", "right", None),
    ("occiput", "left", "occiput"),
    ("anterior_thigh", "right", "medial_anterior_thigh"),
    ("anterior_thigh", "left", "lateral_anterior_thigh"),
]


def _chart_at_0005(target: str) -> None:
    chart_at(target, "0005", [(_view(r), r, side, part) for r, side, part in MARKS])


def test_0008_moves_old_marks_to_the_part_under_their_point(db_target: str) -> None:
    _chart_at_0005(db_target)
    ChartStore.open(db_target, backup_on_close=False).close()  # upgrades to head
    expected = [part if part is not None else region for region, _, part in MARKS]
    assert stored_regions(db_target) == [(region, 1) for region in expected]
    with ChartStore.open(db_target, backup_on_close=False) as store:
        marks = store.load_visit_document(1).shown()
        assert marks  # the visit opens with its marks
    # the mark without a point keeps the old name, and it still explains like the whole
    ranked = rank_candidates([Spot("posterior", "buttock", "right")])
    assert "gluteus_medius" in [c.muscle for c in ranked[:3]]


def test_0008_downgrade_names_the_whole_again(db_target: str) -> None:
    _chart_at_0005(db_target)
    upgrade_then_undo(db_target, "0008")
    assert [r for r, _ in stored_regions(db_target)] == [region for region, _, _ in MARKS]
