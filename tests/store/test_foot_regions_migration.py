"""Revision 0009 (issue 17): stored marks on the top of the foot and the sole move to the
part the atlas finds under the mark's point (instep / outer edge of the foot, middle / outer
edge of the sole); marks without a point and other regions stay as they were; the old name
keeps explaining like the whole, and downgrade names the whole again."""

from __future__ import annotations

from nmt_bodymap.core.ranking import Spot, rank_candidates
from nmt_bodymap.store import ChartStore
from tests.store.region_migration_chart import chart_at, stored_regions, upgrade_then_undo

_ANTERIOR = {"dorsal_foot", "instep", "lateral_foot"}


def _view(region: str) -> str:
    return "anterior" if region in _ANTERIOR else "posterior"


# (stored region, side, the part whose point the mark sits on or None: no point, expected)
MARKS = [
    ("dorsal_foot", "right", "instep", "instep"),
    ("dorsal_foot", "left", "lateral_foot", "lateral_foot"),
    ("dorsal_foot", "left", "instep", "instep"),
    ("sole", "right", "mid_sole", "mid_sole"),
    ("sole", "left", "lateral_sole", "lateral_sole"),
    ("sole", "right", None, "sole"),
    ("heel", "right", "plantar_heel", "heel"),  # 0008 is already behind this chart
]


def _chart_at_0008(target: str) -> None:
    chart_at(target, "0008", [(_view(r), r, side, part) for r, side, part, _ in MARKS])


def test_0009_moves_foot_marks_to_the_part_under_their_point(db_target: str) -> None:
    _chart_at_0008(db_target)
    ChartStore.open(db_target, backup_on_close=False).close()  # upgrades to head
    assert stored_regions(db_target) == [(expected, 1) for *_, expected in MARKS]
    with ChartStore.open(db_target, backup_on_close=False) as store:
        marks = store.load_visit_document(1).shown()["pain_mark"].values()
        assert sorted(m["region"] for m in marks) == sorted(expected for *_, expected in MARKS)
    # the sole mark without a point keeps the old name and still explains like the whole
    ranked = [c.muscle for c in rank_candidates([Spot("posterior", "sole", "right")])]
    assert "flexor_digitorum_brevis" in ranked and "abductor_digiti_minimi_foot" in ranked


def test_0009_downgrade_names_the_whole_again(db_target: str) -> None:
    _chart_at_0008(db_target)
    assert upgrade_then_undo(db_target, "0009")[:2] == ["instep", "lateral_foot"]
    assert [r for r, _ in stored_regions(db_target)] == [region for region, *_ in MARKS]
