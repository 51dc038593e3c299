"""The loader thread loads what the first click's answer needs (issue 18), and a failure
while doing so only loses the head start: the atlas and the knowledge still arrive."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from nmt_bodymap.core import ranking
from nmt_bodymap.core.atlas import Atlas
from nmt_bodymap.ui import first_frame


def test_the_loader_prepares_the_hit_test_and_ranks_once_per_view(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ranked: list[tuple[str, ...]] = []
    real = ranking.rank_candidates

    def counting(spots: Any, *args: Any, **kwargs: Any) -> Any:
        ranked.append(tuple(s.view for s in spots))
        return real(spots, *args, **kwargs)

    monkeypatch.setattr(ranking, "rank_candidates", counting)
    loader = first_frame.PanelLoader()
    loader.start()
    atlas, knowledge = loader.result()
    assert isinstance(atlas, Atlas) and knowledge.muscles
    assert sorted(ranked) == sorted((view,) for view in atlas.views())
    assert all(atlas._view(view).prepared for view in atlas.views())


def test_a_failed_warm_up_still_delivers_the_atlas_and_knowledge(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise ValueError("ranking data unreadable")

    monkeypatch.setattr(ranking, "rank_candidates", broken)
    with caplog.at_level(logging.WARNING, logger=first_frame.log.name):
        atlas, knowledge = first_frame.load_atlas_and_knowledge()
    assert atlas.views() and knowledge.muscles
    assert "warming the first click failed" in caplog.text
