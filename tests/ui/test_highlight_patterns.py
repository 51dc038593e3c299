"""The map shows the referral of the trigger points that explain the spots."""

from __future__ import annotations

from nmt_bodymap.core.knowledge import load_knowledge
from nmt_bodymap.core.ranking import Spot, muscle_candidate, rank_candidates
from nmt_bodymap.ui.map.highlight import highlight_for


def test_zones_and_pins_follow_the_explaining_trigger_points() -> None:
    kb = load_knowledge()
    scm = next(
        c
        for c in rank_candidates([Spot("anterior", "forehead", "right")])
        if c.muscle == "sternocleidomastoid"
    )
    shown = highlight_for(scm, kb.muscle("sternocleidomastoid"))
    regions = {region for region, _side in shown.zones}
    assert "forehead" in regions and "ear" in regions  # the clavicular division
    assert "cheek" not in regions and "sternum" not in regions  # the sternal division's
    assert {tp.id for tp in shown.candidate.trigger_points} == {
        "clavicular_mid",
        "clavicular_upper",
    }
    # A muscle picked from the library (no spots) shows its whole referral and every pin.
    whole = highlight_for(
        muscle_candidate("sternocleidomastoid", "right"), kb.muscle("sternocleidomastoid")
    )
    assert {"cheek", "forehead", "sternum"} <= {region for region, _ in whole.zones}
    assert len(whole.candidate.trigger_points) == 5
