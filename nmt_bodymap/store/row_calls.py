"""The id-based calls for what is charted in a visit: pain marks, findings, treatments,
follow-ups and assessment observations. Each is a thin wrapper over an operation (see
``store/base.py``): one transaction, a version bump and a history entry per call."""

from __future__ import annotations

from typing import Any

from nmt_bodymap.core.operations import MARK_PLACE_FIELDS, OpKind, RowKind
from nmt_bodymap.store import validation as v
from nmt_bodymap.store.base import ChartStoreBase
from nmt_bodymap.store.errors import ChartValidationError
from nmt_bodymap.store.reading import record_of
from nmt_bodymap.store.records import (
    FindingRecord,
    FollowUpRecord,
    ObservationRecord,
    PainMarkRecord,
    TreatmentRecord,
    as_record,
)


class VisitRowCalls(ChartStoreBase):
    # -- pain marks ------------------------------------------------------------------------

    def add_pain_mark(self, visit_id: int, **fields: Any) -> PainMarkRecord:
        """A mark on the anterior or posterior view needs x and y; internal sites have none."""
        return as_record(
            PainMarkRecord,
            self._add_row(RowKind.PAIN_MARK, visit_id, v.clean(v.PainMarkInput, fields)),
        )

    def move_pain_mark(
        self,
        mark_id: int,
        x: float | None,
        y: float | None,
        region: str,
        side: str,
        view: str | None = None,
    ) -> PainMarkRecord:
        """Put the mark at a new place (a drag on the diagram, or a new region/side)."""
        changes: dict[str, Any] = {"x": x, "y": y, "region": region, "side": side}
        if view is not None:
            changes["view"] = view
        values = v.clean(v.PainMarkInput, changes, partial=True)
        return as_record(
            PainMarkRecord, self._edit_row(RowKind.PAIN_MARK, mark_id, values, OpKind.MOVE)
        )

    def update_pain_mark(self, mark_id: int, **changes: Any) -> PainMarkRecord:
        """Change intensity, quality or note (use ``move_pain_mark`` to move it)."""
        place = sorted(set(changes) & MARK_PLACE_FIELDS)
        if place:
            raise ChartValidationError(f"Use move_pain_mark to change {place[0]}.", place[0])
        values = v.clean(v.PainMarkInput, changes, partial=True)
        return as_record(PainMarkRecord, self._edit_row(RowKind.PAIN_MARK, mark_id, values))

    def set_pain_mark(self, mark_id: int, **values: Any) -> PainMarkRecord:
        """Bring the stored mark to ``values`` (place and score) in ONE transaction: a move
        for the place fields that differ and a change for the others that differ."""
        cleaned = v.clean(v.PainMarkInput, values, partial=True)
        with self._write() as session:
            row = self._locked_by_id(session, RowKind.PAIN_MARK, mark_id)
            record = None
            for op, names in ((OpKind.MOVE, True), (OpKind.CHANGE, False)):
                wanted = {
                    k: value
                    for k, value in cleaned.items()
                    if (k in MARK_PLACE_FIELDS) == names and getattr(row, k) != value
                }
                if wanted:
                    ops = self._change_ops(session, RowKind.PAIN_MARK, row, wanted, op)
                    record = self._apply(session, ops).record
            if record is None:
                record = record_of(session, RowKind.PAIN_MARK, row)
            return as_record(PainMarkRecord, record)

    def delete_pain_mark(self, mark_id: int) -> PainMarkRecord:
        return as_record(PainMarkRecord, self._set_deleted(RowKind.PAIN_MARK, mark_id, True))

    def restore_pain_mark(self, mark_id: int) -> PainMarkRecord:
        return as_record(PainMarkRecord, self._set_deleted(RowKind.PAIN_MARK, mark_id, False))

    def list_pain_marks(self, visit_id: int, include_deleted: bool = False) -> list[PainMarkRecord]:
        return self._list(RowKind.PAIN_MARK, visit_id, include_deleted)

    # -- findings, treatments, follow-ups ---------------------------------------------------

    def add_finding(self, visit_id: int, **fields: Any) -> FindingRecord:
        return as_record(
            FindingRecord, self._add_row(RowKind.FINDING, visit_id, v.clean(v.FindingInput, fields))
        )

    def update_finding(self, finding_id: int, **changes: Any) -> FindingRecord:
        values = v.clean(v.FindingInput, changes, partial=True)
        return as_record(FindingRecord, self._edit_row(RowKind.FINDING, finding_id, values))

    def delete_finding(self, finding_id: int) -> FindingRecord:
        return as_record(FindingRecord, self._set_deleted(RowKind.FINDING, finding_id, True))

    def restore_finding(self, finding_id: int) -> FindingRecord:
        return as_record(FindingRecord, self._set_deleted(RowKind.FINDING, finding_id, False))

    def list_findings(self, visit_id: int, include_deleted: bool = False) -> list[FindingRecord]:
        return self._list(RowKind.FINDING, visit_id, include_deleted)

    def add_treatment(self, visit_id: int, **fields: Any) -> TreatmentRecord:
        values = v.clean(v.TreatmentInput, v.with_hold_lengths(fields))
        return as_record(TreatmentRecord, self._add_row(RowKind.TREATMENT, visit_id, values))

    def update_treatment(self, treatment_id: int, **changes: Any) -> TreatmentRecord:
        values = v.clean(v.TreatmentInput, changes, partial=True)
        return as_record(TreatmentRecord, self._edit_row(RowKind.TREATMENT, treatment_id, values))

    def delete_treatment(self, treatment_id: int) -> TreatmentRecord:
        return as_record(TreatmentRecord, self._set_deleted(RowKind.TREATMENT, treatment_id, True))

    def restore_treatment(self, treatment_id: int) -> TreatmentRecord:
        return as_record(TreatmentRecord, self._set_deleted(RowKind.TREATMENT, treatment_id, False))

    def list_treatments(
        self, visit_id: int, include_deleted: bool = False
    ) -> list[TreatmentRecord]:
        return self._list(RowKind.TREATMENT, visit_id, include_deleted)

    def add_follow_up(self, visit_id: int, **fields: Any) -> FollowUpRecord:
        return as_record(
            FollowUpRecord,
            self._add_row(RowKind.FOLLOW_UP, visit_id, v.clean(v.FollowUpInput, fields)),
        )

    def update_follow_up(self, follow_up_id: int, **changes: Any) -> FollowUpRecord:
        values = v.clean(v.FollowUpInput, changes, partial=True)
        return as_record(FollowUpRecord, self._edit_row(RowKind.FOLLOW_UP, follow_up_id, values))

    def delete_follow_up(self, follow_up_id: int) -> FollowUpRecord:
        return as_record(FollowUpRecord, self._set_deleted(RowKind.FOLLOW_UP, follow_up_id, True))

    def restore_follow_up(self, follow_up_id: int) -> FollowUpRecord:
        return as_record(FollowUpRecord, self._set_deleted(RowKind.FOLLOW_UP, follow_up_id, False))

    def list_follow_ups(self, visit_id: int, include_deleted: bool = False) -> list[FollowUpRecord]:
        return self._list(RowKind.FOLLOW_UP, visit_id, include_deleted)

    # -- assessment observations -----------------------------------------------------------

    def add_observation(self, visit_id: int, **fields: Any) -> ObservationRecord:
        """Chart one posture, gait, ischemia or entrapment observation of the visit."""
        return as_record(
            ObservationRecord,
            self._add_row(RowKind.OBSERVATION, visit_id, v.clean(v.ObservationInput, fields)),
        )

    def update_observation(self, observation_id: int, **changes: Any) -> ObservationRecord:
        """Change the region, side, severity or note; what was observed stays (remove the
        observation and add another to change it)."""
        fixed = sorted(set(changes) & {"kind", "item"})
        if fixed:
            raise ChartValidationError(
                "What was observed cannot be changed; remove the observation and add "
                "the right one.",
                fixed[0],
            )
        values = v.clean(v.ObservationInput, changes, partial=True)
        return as_record(
            ObservationRecord, self._edit_row(RowKind.OBSERVATION, observation_id, values)
        )

    def delete_observation(self, observation_id: int) -> ObservationRecord:
        return as_record(
            ObservationRecord, self._set_deleted(RowKind.OBSERVATION, observation_id, True)
        )

    def restore_observation(self, observation_id: int) -> ObservationRecord:
        return as_record(
            ObservationRecord, self._set_deleted(RowKind.OBSERVATION, observation_id, False)
        )

    def list_observations(
        self, visit_id: int, include_deleted: bool = False
    ) -> list[ObservationRecord]:
        """The visit's observations in the order they were charted."""
        return self._list(RowKind.OBSERVATION, visit_id, include_deleted)
