"""Which neighbouring regions and muscles to examine for the places a client hurts.

The regional guide (``resources/protocols.yaml``, loaded by :mod:`nmt_bodymap.core.clinical`)
says, for a complaint in one part of the body, where else to look: referred pain is felt
away from its source, so shoulder pain sends the therapist to the neck, the shoulder girdle
and down the arm. This module turns the marked places of a visit into one guide per
protocol, with the sides to examine, and tells which of its muscles already have a finding.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nmt_bodymap.core.clinical import Protocol, load_protocols
from nmt_bodymap.core.sides import Side

ExamSide = str  # "left" | "right" | "bilateral"


@dataclass(frozen=True)
class ExaminationGuide:
    """One regional protocol that applies to the visit, with where the complaint is."""

    protocol: Protocol
    complaint_places: tuple[tuple[str, Side], ...]
    side: ExamSide

    @property
    def muscles(self) -> tuple[str, ...]:
        return tuple(self.protocol.muscles)

    @property
    def examine_regions(self) -> tuple[str, ...]:
        return tuple(self.protocol.examine_regions)

    def sides(self) -> tuple[Side, ...]:
        return ("right", "left") if self.side == "bilateral" else (self.side,)  # type: ignore[return-value]


def _exam_side(sides: set[Side]) -> ExamSide:
    """Muscles are examined on the side that hurts; both sides for midline or two-sided pain."""
    if sides == {"left"}:
        return "left"
    if sides == {"right"}:
        return "right"
    return "bilateral"


def examination_guides(places: Iterable[tuple[str, Side]]) -> list[ExaminationGuide]:
    """The guides for ``places`` ((region, side) pairs), in the order of the guide file."""
    by_protocol: dict[str, list[tuple[str, Side]]] = {}
    for region, side in places:
        for protocol in load_protocols():
            if region in protocol.complaint_regions:
                found = by_protocol.setdefault(protocol.id, [])
                if (region, side) not in found:
                    found.append((region, side))
    guides = []
    for protocol in load_protocols():
        marked = by_protocol.get(protocol.id)
        if marked:
            exam_side = _exam_side({s for _, s in marked})
            guides.append(ExaminationGuide(protocol, tuple(marked), exam_side))
    return guides


def examined(
    guide: ExaminationGuide, muscle_id: str, findings: Iterable[tuple[str, str]]
) -> tuple[Side, ...]:
    """The sides of ``muscle_id`` that already have a finding this visit (of those to examine).

    ``findings`` are (muscle id, side) pairs of the visit's recorded findings.
    """
    wanted = set(guide.sides())
    return tuple(
        sorted({side for muscle, side in findings if muscle == muscle_id and side in wanted})
    )
