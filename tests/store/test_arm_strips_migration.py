"""Revision 0010 (issue 17): stored marks on the front and back of the upper arm and forearm
move to the part the atlas finds under the mark's point (the inner two thirds, or the outer
strip that both views show); marks without a point and other regions stay as they were; the
old name keeps explaining like the whole, and downgrade names the whole of the mark's view."""

from __future__ import annotations

from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.store import ChartStore
from tests.store.region_migration_chart import chart_at, stored_regions, upgrade_then_undo


def _view(region: str) -> str:
    return "anterior" if region.startswith("anterior") else "posterior"


# (stored region, side, the part whose point the mark sits on or None: no point, expected)
MARKS = [
    ("anterior_arm", "right", "medial_anterior_arm", "medial_anterior_arm"),
    ("anterior_arm", "left", "lateral_arm", "lateral_arm"),
    ("posterior_arm", "right", "lateral_arm", "lateral_arm"),
    ("posterior_arm", "left", "medial_posterior_arm", "medial_posterior_arm"),
    ("anterior_forearm", "right", "lateral_forearm", "lateral_forearm"),
    ("posterior_forearm", "left", "medial_posterior_forearm", "medial_posterior_forearm"),
    ("posterior_forearm", "right", "lateral_forearm", "lateral_forearm"),
    ("anterior_forearm", "left", None, "anterior_forearm"),
    ("posterior_shoulder", "right", "posterior_shoulder", "posterior_shoulder"),
]


def _chart_at_0009(target: str) -> None:
    chart_at(target, "0009", [(_view(r), r, side, part) for r, side, part, _ in MARKS])


def test_0010_moves_arm_marks_to_the_part_under_their_point(db_target: str) -> None:
    _chart_at_0009(db_target)
    ChartStore.open(db_target, backup_on_close=False).close()  # upgrades to head
    assert stored_regions(db_target) == [(expected, 1) for *_, expected in MARKS]
    with ChartStore.open(db_target, backup_on_close=False) as store:
        marks = store.load_visit_document(1).shown()["pain_mark"].values()
        assert sorted(m["region"] for m in marks) == sorted(expected for *_, expected in MARKS)
    # the forearm mark without a point keeps the old name and still explains like the whole:
    # by the outer strip (brachioradialis) and by the inner part (flexor carpi ulnaris)
    ranked = [c.muscle for c in rank_candidates([Spot("anterior", "anterior_forearm", "left")])]
    assert "brachioradialis" in ranked and "flexor_carpi_ulnaris" in ranked


def test_0010_downgrade_names_the_whole_of_the_marks_view_again(db_target: str) -> None:
    _chart_at_0009(db_target)
    upgraded = upgrade_then_undo(db_target, "0010")
    assert upgraded[:3] == ["medial_anterior_arm", "lateral_arm", "lateral_arm"]
    assert [r for r, _ in stored_regions(db_target)] == [region for region, *_ in MARKS]
