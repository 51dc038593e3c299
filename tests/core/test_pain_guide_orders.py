"""The pain guides' orders are data (tools/pain_guide_orders.yaml); the generated
resources/pain_areas.yaml must be what the generator writes from them today."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import gen_pain_areas


def test_the_generated_pain_areas_match_the_orders_file() -> None:
    committed = gen_pain_areas.OUTPUT.read_text(encoding="utf-8")
    assert gen_pain_areas.render() == committed, (
        "resources/pain_areas.yaml is stale: run python -m tools.gen_pain_areas"
    )


def test_every_order_names_a_guide_and_its_muscles() -> None:
    orders, groups = gen_pain_areas.read_orders()
    assert len(orders) > 70 and len(groups) == 4
    (ref, chapter), muscles, note = orders["occiput"]
    assert ref == "ts_v1" and chapter.startswith("Part 1 pain guide")
    assert muscles[:2] == ["upper_trapezius", "sternocleidomastoid"] and note is None


def test_an_unknown_guide_in_the_orders_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "orders.yaml"
    bad.write_text(
        "guides: {v1h: {ref: ts_v1, chapter: x}}\n"
        "orders: {vertex: {guide: v9, muscles: [sternocleidomastoid]}}\ngroups: []\n",
        encoding="utf-8",
    )
    with pytest.raises(KeyError):
        gen_pain_areas.read_orders(bad)
